package sim

import (
	"errors"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// ParseNumber reads text as a number, by the one rule for a scenario file, --set, the
// values of variants and events, and sweep's values: a decimal number as YAML 1.2 and Go
// write it (a sign, digits, a fraction, an exponent), or 0x, 0o or 0b with digits of that
// base (a hex number may have a binary exponent, as Go's 0x1p4), with single underscores
// between digits. The YAML library
// reads more than that, each in its own way (017 as octal 15, +-1 as 1, 1__0 as 10), and a
// student copying a number between readers would get another value without being told.
//
// A text meant as a number but written so that readers disagree on it, or plainly by a
// slip, gives a problem that says what to write instead. A text that is no number at all
// ("ten", "60%", .inf) gives neither a number nor a problem: the caller says what it found.
func ParseNumber(text string) (x float64, problem string, ok bool) {
	sign, body := splitSign(text)
	if s, rest := splitSign(body); s != "" && rest != "" {
		if _, _, ok := ParseNumber(body); ok {
			digits := strings.TrimLeft(rest, "+-")
			return 0, text + " has two signs; keep one, as in -" + digits + " or " + digits, false
		}
		return 0, "", false
	}
	if strings.Contains(body, "_") {
		plain := strings.ReplaceAll(body, "_", "")
		x, problem, ok := ParseNumber(sign + plain)
		switch {
		case !ok && problem == "":
			return 0, "", false
		case !underscoresBetweenDigits(body):
			return 0, text + " has an underscore that is not between two digits; write " + sign + plain + " (an underscore may group digits, as in 1_000)", false
		case !ok:
			// 0_17 is 017 grouped, and as ambiguous; the problem's advice stands.
			return 0, text + strings.TrimPrefix(problem, sign+plain), false
		}
		return x, "", true
	}
	if len(body) > 2 && body[0] == '0' && strings.ContainsRune("XOB", rune(body[1])) {
		lower := body[:1] + strings.ToLower(body[1:2]) + body[2:]
		if _, _, ok := ParseNumber(sign + lower); ok {
			return 0, text + ": write the prefix in lower case, " + sign + lower, false
		}
		return 0, "", false
	}
	if len(body) > 2 && body[0] == '0' && strings.ContainsRune("xob", rune(body[1])) {
		return readPrefixed(text, sign, body)
	}
	if !decimal.MatchString(body) {
		return 0, "", false
	}
	if len(body) > 1 && body[0] == '0' && !strings.ContainsAny(body, ".eE") {
		return 0, leadingZero(text, sign, body), false
	}
	return parseFloat(text, sign+body)
}

// decimal is YAML 1.2's decimal number without its sign, which Go reads the same.
var decimal = regexp.MustCompile(`^([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

func splitSign(s string) (sign, rest string) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[:1], s[1:]
	}
	return "", s
}

// leadingZero explains a whole number written with a leading zero: YAML 1.1 readers
// (and the YAML library negsim uses) take 017 as octal 15, YAML 1.2 and JSON readers as 17
// or as an error, so the file would mean different things to different tools.
func leadingZero(text, sign, body string) string {
	whole := strings.TrimLeft(body, "0")
	if whole == "" {
		whole = "0"
	}
	if octal, err := strconv.ParseUint(body, 8, 64); err == nil && octal != 0 {
		if sign == "+" {
			sign = ""
		}
		return text + " is ambiguous: some readers take a leading 0 as octal (" + sign + strconv.FormatUint(octal, 10) + "), others as decimal; write " + sign + whole + ", or " + sign + "0o" + whole + " for octal"
	}
	if sign == "+" {
		sign = ""
	}
	return text + " starts with 0, which a whole number does not; write " + sign + whole
}

// readPrefixed reads 0x, 0o or 0b and its digits, as exactly as the digits allow: a whole
// number past 64 bits is still a number, which the field's own range then judges.
func readPrefixed(text, sign, body string) (float64, string, bool) {
	base := map[byte]int{'x': 16, 'o': 8, 'b': 2}[body[1]]
	digits := body[2:]
	if base == 16 && strings.ContainsAny(digits, "pP") {
		// A hex number with a binary exponent, 0x1p4, as Go writes it.
		return parseFloat(text, sign+body)
	}
	i, ok := new(big.Int).SetString(digits, base)
	if !ok || strings.ContainsAny(digits, "+-") {
		return 0, "", false
	}
	if sign == "-" {
		i.Neg(i)
	}
	x, _ := new(big.Float).SetInt(i).Float64()
	if math.IsInf(x, 0) {
		return 0, text + " is beyond the largest number negsim can hold (about 1.8e308); write a number in range", false
	}
	return x, "", true
}

func parseFloat(text, s string) (float64, string, bool) {
	x, err := strconv.ParseFloat(s, 64)
	switch {
	case errors.Is(err, strconv.ErrRange) && math.IsInf(x, 0):
		return 0, text + " is beyond the largest number negsim can hold (about 1.8e308); write a number in range", false
	case err != nil:
		return 0, "", false
	}
	return x, "", true
}

// underscoresBetweenDigits reports whether each underscore in body, a number without its
// sign, stands between two digits of the number's base: 1_000 and 0x1_f, not 1_, 1__0,
// 0x_10 or 1_.5.
func underscoresBetweenDigits(body string) bool {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	if len(body) > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X') {
		digit = func(c byte) bool {
			return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
		}
	}
	for i := 0; i < len(body); i++ {
		if body[i] == '_' && (i == 0 || i == len(body)-1 || !digit(body[i-1]) || !digit(body[i+1])) {
			return false
		}
	}
	return true
}

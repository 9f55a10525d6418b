package sim

import (
	"fmt"
	"strings"
)

// Thousands writes a whole number with its thousands set apart, 419,904: the one way negsim
// writes a count in text, whether the engine's sentences (sensitivity's effects) or the
// command line's tables hold it.
func Thousands(n uint64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

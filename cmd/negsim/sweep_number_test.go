package main

import (
	"path/filepath"
	"testing"
)

// sweep sets a path as --set would, and reads its values as --set does: --values 0x10 and
// --from 0x10 were refused as no number, though --set takes 0x10 as 16, and 017 was read
// as 17 where --set refuses it as ambiguous.
func TestSweepReadsANumberAsSetDoes(t *testing.T) {
	file := filepath.Join("..", "..", "scenarios", "teaching-two-party.yaml")
	sweep := func(args ...string) []string {
		return append([]string{"sweep", file, "--param", "actors.candidate.preferences.salary.weight", "--format", "json"}, args...)
	}
	for _, c := range []struct{ written, plain []string }{
		// 0x10 = 16, 0b10_0000 = 32, 2_0 = 20: the same sweep as the plain numbers.
		{[]string{"--values", "0x10,0b10_0000"}, []string{"--values", "16,32"}},
		{[]string{"--from", "0x10", "--to", "2_0", "--steps", "2"}, []string{"--from", "16", "--to", "20", "--steps", "2"}},
	} {
		want := runOK(t, sweep(c.plain...)...)
		if got, stderr, code := runNegsim(t, sweep(c.written...)...); code != exitOK || got != want {
			t.Errorf("sweep %v: exit %d, %s%s\nwant what sweep %v prints:\n%s", c.written, code, got, stderr, c.plain, want)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--values", "16,017"}, "--values: 017 is ambiguous: some readers take a leading 0 as octal (15), others as decimal; write 17, or 0o17 for octal"},
		{[]string{"--values", "1__0"}, "--values: 1__0 has an underscore that is not between two digits; write 10 (an underscore may group digits, as in 1_000)"},
		{[]string{"--from", "017", "--to", "20"}, "--from 017: 017 is ambiguous: some readers take a leading 0 as octal (15), others as decimal; write 17, or 0o17 for octal"},
		{[]string{"--from", "10", "--to", "+-20"}, "--to +-20: +-20 has two signs; keep one, as in -20 or 20"},
		{[]string{"--from", "10", "--to", "Inf"}, "--to Inf: give a finite number"},
	} {
		wantRefused(t, c.want, sweep(c.args...)...)
	}
}

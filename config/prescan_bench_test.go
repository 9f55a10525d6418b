package config

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkLoadHostile measures the loader on the hostile files of issue 14 and on the
// worst file inside the limits. Read -benchmem: the refused files cost a scan (well under
// 1 MB allocated beyond the input); before the pre-scan, 10^5 brackets took 15–20 GB and
// 358,776 keys ran for more than ten minutes. The worst accepted shape, 29 block mappings
// of 1,000 keys (the parser's cost grows with the square of one mapping's keys), is the
// bound on what a file within the limits can cost.
func BenchmarkLoadHostile(b *testing.B) {
	keys := keyLines
	var worst strings.Builder
	for m := 0; m < 29; m++ {
		fmt.Fprintf(&worst, "m%d:\n%s", m, keys(1000, "  "))
	}
	for _, c := range []struct {
		name, text string
	}{
		{"brackets-1e5", "name: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n"},
		{"braces-1e5", "name: " + strings.Repeat("{a: ", 100_000) + "\n"},
		{"keys-358776", keys(358_776, "")},
		{"within-limits-29x1000-keys", worst.String()},
	} {
		data := []byte(c.text)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Load("x.yaml", data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

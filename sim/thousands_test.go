package sim

import "testing"

func TestThousandsSetsApartEachThreeDigits(t *testing.T) {
	for n, want := range map[uint64]string{
		0: "0", 7: "7", 999: "999", 1000: "1,000", 12345: "12,345",
		419904: "419,904", 1000000: "1,000,000", 1234567890: "1,234,567,890",
	} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

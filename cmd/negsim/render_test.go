package main

import (
	"bytes"
	"testing"
)

// A heading's rule is as wide as the heading looks in a terminal: a Chinese character takes
// two columns, so "中文 talks" (2 characters of 2 columns, a space and 5 letters) is 10
// columns and its rule 10 marks. Counting characters drew 8, two short of the text.
func TestHeadingRulesSpanWideCharacters(t *testing.T) {
	r := &report{title: "中文 talks", sections: []section{{title: "עברית and 中文", text: []string{"x"}}}}
	var b bytes.Buffer
	if err := r.write(&b, "table"); err != nil {
		t.Fatal(err)
	}
	// "עברית and 中文": 5 Hebrew letters of 1 column, " and " 5, 2 Chinese of 2: 14.
	want := "中文 talks\n==========\n\nעברית and 中文\n--------------\n"
	if got := b.String(); len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("got\n%s\nwant it to start\n%s", got, want)
	}
}

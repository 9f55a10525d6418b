package config

import (
	"context"
	"errors"
	"testing"
)

// Work that takes no context still ends when the context does: Aside returns the context's
// error at once and leaves the work to finish unobserved.
func TestAsideEndsWithTheContext(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Aside(ctx, func() (int, error) { <-release; return 1, nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled while the work still runs", err)
	}
	v, err := Aside(context.Background(), func() (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Errorf("finished work: %d, %v; want 7, nil", v, err)
	}
}

package main

import (
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// The page served by negsim serve, driven in Chromium; every result is compared with
// `negsim analyze --format json` for the same variant and overrides.
func TestPageServed(t *testing.T) {
	pagetest.RequireChromium(t)
	url, _ := startServe(t)
	issues := []string{"territory", "recognition", "guarantees", "nato", "military-limits", "foreign-troops", "sanctions", "assets", "sequencing", "eu-path", "language", "interim"}
	oracle := func(variant string, sets []string) pagetest.Answer {
		args := []string{"analyze", "ukraine-2026", "--variant", variant, "--format", "json"}
		for _, s := range sets {
			args = append(args, "--set", s)
		}
		out := runOK(t, args...)
		a, err := pagetest.AnswerOf([]byte(out), issues)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	rep := pagetest.Drive(t, url, "served", oracle)
	t.Logf("negsim serve: slider move to results, median %.1f ms over %d moves: %v", rep.Median(), len(rep.SliderMS), rep.SliderMS)
}

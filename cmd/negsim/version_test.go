package main

import (
	"runtime/debug"
	"testing"
)

// The version names the module version and the revision it was built from, not "dev".
func TestVersionStringReadsBuildInfo(t *testing.T) {
	stamped := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.1-0.20261130064639-8da3b9e1c2d4"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "8da3b9e1c2d4f00dfeedbeef"}, {Key: "vcs.time", Value: "2026-11-30T06:46:39Z"}, {Key: "vcs.modified", Value: "true"}}}
	tests := []struct {
		ldflag string
		info   *debug.BuildInfo
		want   string
	}{
		{"dev", stamped, "v0.3.1-0.20261130064639-8da3b9e1c2d4 (revision 8da3b9e1c2d4, committed 2026-11-30T06:46:39Z, with local changes, built with go1.26.8)"},
		{"v1.2.3", stamped, "v1.2.3 (revision 8da3b9e1c2d4, committed 2026-11-30T06:46:39Z, with local changes, built with go1.26.8)"},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "false"}}}, "dev (revision abc)"},
		{"dev", nil, "dev"},
	}
	for _, tt := range tests {
		if got := versionString(tt.ldflag, tt.info); got != tt.want {
			t.Errorf("versionString(%q, …) = %q; want %q", tt.ldflag, got, tt.want)
		}
	}
}

//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNewFilesFollowUmask: files created new get what the umask leaves of 0666, and role
// sheets never more than 0600: under umask 022 the public brief is 0644 and each role's
// 0600; under 077 both are 0600.
func TestNewFilesFollowUmask(t *testing.T) {
	fixture := twoByTwo(t)
	for _, c := range []struct {
		umask          int
		public, role   os.FileMode
		report, folder os.FileMode
	}{{0o022, 0o644, 0o600, 0o644, 0o755}, {0o077, 0o600, 0o600, 0o600, 0o700}} {
		t.Chdir(t.TempDir())
		old := syscall.Umask(c.umask)
		_, stderr, code := runNegsim(t, "brief", fixture, "--all", "-o", "briefs")
		_, stderr2, code2 := runNegsim(t, "report", fixture, "-o", "report.html")
		syscall.Umask(old)
		if code != exitOK || code2 != exitOK {
			t.Fatalf("exit %d, %d: %s%s", code, code2, stderr, stderr2)
		}
		checkFile(t, filepath.Join("briefs", "public.md"), c.public, "# ")
		checkFile(t, filepath.Join("briefs", "role-x.md"), c.role, "# ")
		checkFile(t, "report.html", c.report, "<!DOCTYPE html>")
		if info, _ := os.Stat("briefs"); info.Mode().Perm() != c.folder {
			t.Errorf("umask %o: the folder has mode %o, want %o", c.umask, info.Mode().Perm(), c.folder)
		}
		old = syscall.Umask(c.umask)
		_, stderr, code = runNegsim(t, "brief", fixture, "--actor", "y", "-o", "y.md")
		syscall.Umask(old)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		checkFile(t, "y.md", c.role, "# ")
	}
}

// TestDealsFromEndlessPipe: a FIFO fed without end (as by yes) is read up to
// --max-file-size and refused, never read whole.
func TestDealsFromEndlessPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "deals.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		line := []byte(strings.Repeat("y\n", 4096))
		for {
			if _, err := w.Write(line); err != nil {
				return // the reader stopped
			}
		}
	}()
	wantRefused(t, "the file is larger than 100,000 bytes", "debrief", twoByTwo(t), "--deals", fifo, "--max-file-size", "100000")
}

// TestOutputThroughALink: -o naming a symbolic link writes the file it leads to, as a
// shell's > does, and leaves the link in place: the link was replaced by a plain file and
// its target kept its old content. A link that leads nowhere is refused by name.
func TestOutputThroughALink(t *testing.T) {
	fixture := twoByTwo(t)
	dir := t.TempDir()
	t.Chdir(dir)
	os.Mkdir("site", 0o755)
	os.WriteFile(filepath.Join("site", "report.html"), []byte("old"), 0o640)
	os.Symlink(filepath.Join(dir, "site", "report.html"), "report.html")
	if _, stderr, code := runNegsim(t, "report", fixture, "-o", "report.html"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if info, err := os.Lstat("report.html"); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("report.html is no longer a link: %v, %v", info, err)
	}
	checkFile(t, filepath.Join("site", "report.html"), 0o640, "<!DOCTYPE html>")
	if names, _ := filepath.Glob("*" + tempMark + "*"); len(names) > 0 {
		t.Errorf("left behind: %v", names)
	}

	os.Symlink(filepath.Join(dir, "gone", "x.html"), "dangling.html")
	_, stderr, code := runNegsim(t, "report", fixture, "-o", "dangling.html")
	if code != exitFailure || !strings.Contains(stderr, "cannot write dangling.html: it is a link to "+filepath.Join(dir, "gone", "x.html")+", which does not exist") {
		t.Errorf("a link to nowhere: exit %d, %s", code, stderr)
	}
}

// TestInputLinkToNowhere: a scenario given as a link whose file is gone is named as such;
// it was "no file "x.yaml", …; did you mean "x.yaml"?", suggesting the very name typed.
func TestInputLinkToNowhere(t *testing.T) {
	t.Chdir(t.TempDir())
	os.Symlink("moved-away.yaml", "talks.yaml")
	wantRefused(t, `talks.yaml is a link to moved-away.yaml, which does not exist`, "analyze", "talks.yaml")
	_, stderr, _ := runNegsim(t, "analyze", "talks.yaml")
	if strings.Contains(stderr, "did you mean") {
		t.Errorf("the error suggests a name: %s", stderr)
	}
}

// TestOutputOntoAPipeOrDevice: -o naming a named pipe or a device is refused and the node
// left alone: renaming the finished file over it replaced the pipe (and, run as root with
// -o /dev/null, would replace /dev/null) with a plain file.
func TestOutputOntoAPipeOrDevice(t *testing.T) {
	fixture := twoByTwo(t)
	t.Chdir(t.TempDir())
	nodes := map[string]string{"pipe.md": "a named pipe"}
	if err := syscall.Mkfifo("pipe.md", 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	// The null device, 1:3 on Linux, where only root may make one.
	if err := syscall.Mknod("null.md", syscall.S_IFCHR|0o666, 1<<8|3); err == nil {
		nodes["null.md"] = "a device"
	}
	for name, kind := range nodes {
		_, stderr, code := runNegsim(t, "report", fixture, "-o", name)
		if code != exitFailure || !strings.Contains(stderr, "cannot write "+name+": it is "+kind+", not a file") {
			t.Errorf("-o %s: exit %d, %s", name, code, stderr)
		}
		if info, err := os.Lstat(name); err != nil || info.Mode().IsRegular() {
			t.Errorf("%s was replaced by a plain file", name)
		}
	}
	if names, _ := filepath.Glob("*" + tempMark + "*"); len(names) > 0 {
		t.Errorf("left behind: %v", names)
	}
}

// TestSetThroughALink: brief --all -o DIR where DIR is a link writes into the folder it
// leads to, staging beside that folder (beside the link, a folder on another disk made
// every move fail); a link that leads nowhere is refused, where the set replaced the link
// with a folder of its own.
func TestSetThroughALink(t *testing.T) {
	fixture := twoByTwo(t)
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll(filepath.Join("term", "briefs"), 0o755)
	os.Symlink(filepath.Join(dir, "term", "briefs"), "briefs")
	if _, stderr, code := runNegsim(t, "brief", fixture, "--all", "-o", "briefs"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkFile(t, filepath.Join("term", "briefs", "public.md"), 0o644&^currentUmask(), "# ")
	if names, _ := filepath.Glob(filepath.Join("term", "*"+tempMark+"*")); len(names) > 0 {
		t.Errorf("left behind: %v", names)
	}
	os.Symlink(filepath.Join(dir, "gone"), "lost")
	_, stderr, code := runNegsim(t, "brief", fixture, "--all", "-o", "lost")
	if code != exitFailure || !strings.Contains(stderr, "cannot write lost: it is a link to "+filepath.Join(dir, "gone")+", which does not exist") {
		t.Errorf("a link to nowhere: exit %d, %s", code, stderr)
	}
	if info, err := os.Lstat("lost"); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link lost was replaced")
	}
}

func currentUmask() os.FileMode {
	old := syscall.Umask(0)
	syscall.Umask(old)
	return os.FileMode(old)
}

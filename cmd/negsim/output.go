package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// Every file negsim writes goes through this file, so that every -o, --chart and set of
// files obeys the same rules (the README's "Guarantees" lists them):
//
//   - A file is complete or absent: it is written as NAME.negsim-tmp-XXXXXXXX beside the
//     target, then renamed into place. The name is visible on purpose: a run killed
//     outright (SIGKILL, a power cut) leaves it where a user sees it, and the next run
//     that writes the same target removes it once it is a minute old. NAME is shortened
//     when the suffix would make it longer than a file name may be (tempBase).
//   - A file replaced keeps its permissions; a new file gets those the umask allows. A
//     confidential one (a role's brief) is at most 0600 either way: written over a file
//     others could read, it would be read by them.
//   - Nothing the same run reads is overwritten: -o naming the deals file is refused.
//   - A set of files (brief --all, export) is written all or nothing: staged in a folder
//     beside the target, then moved into place; a failure half-way restores what was there.

// tempMark marks the temporary files and folders negsim writes beside a target.
const tempMark = ".negsim-tmp-"

// maxNameBytes is the longest file name Linux, macOS and Windows file systems take (255
// bytes, or UTF-16 units on Windows, which are no more).
const maxNameBytes = 255

// tempBase is the start of the names of the temporary files and folders beside base:
// base itself, shortened as far as a name that long needs to leave room for tempMark and
// its random suffix. A name near the limit, which the system takes, would otherwise leave
// none, and its file could not be written.
func tempBase(base string) string {
	room := maxNameBytes - len(tempMark) - len(randomSuffix())
	if len(base) <= room {
		return base
	}
	cut := room
	for cut > 0 && !utf8.RuneStart(base[cut]) {
		cut--
	}
	return base[:cut]
}

// staleAfter is the age past which a temporary file beside a target is a leftover: a
// write takes well under a second, and nothing keeps a temporary file open longer.
const staleAfter = time.Minute

// spoolInMemory is how much output to standard output is held in memory before the rest
// goes to a temporary file: output is shown only once complete, and a listing of a million
// deals must not be held in memory to be so.
const spoolInMemory = 8 << 20

// readInput reads a file the command takes as input, under --max-file-size, and notes it
// so that no output of the same run can overwrite it.
// "-" is standard input, read once: it holds one input only.
func (a *app) readInput(path string) ([]byte, error) {
	if path == "-" {
		if a.stdinRead {
			return nil, usagef("- (standard input) is read once and already gave this command an input; give the other as a file")
		}
		a.stdinRead = true
		return config.ReadStandardInput(a.ctx, a.stdin, a.settings.MaxFileSize)
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		if onDisk, ok := config.SameNameOnDisk(path); ok {
			path = onDisk
		}
	}
	a.inputs = append(a.inputs, path)
	return config.ReadFileContext(a.ctx, path, a.settings.MaxFileSize)
}

// refuseInput refuses to write over a file this run reads.
func (a *app) refuseInput(path string) error {
	target, err := os.Stat(path)
	if err != nil {
		return nil
	}
	for _, in := range a.inputs {
		if info, err := os.Stat(in); err == nil && os.SameFile(info, target) {
			return usagef("will not write %s: this command reads it as input (%s); write the output to another file", path, in)
		}
	}
	return nil
}

// writeFile writes the file path, complete or not at all, streaming render's output into
// a temporary file beside it. private files are created readable by their owner only.
func (a *app) writeFile(path string, private bool, render func(w io.Writer) error) error {
	target, err := a.checkTarget(path)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(target)
	// Folders missing above the file are created, as for a set, and removed again if the
	// file is not written.
	created, err := makeFolder(dir)
	if err != nil {
		return writeError(path, err)
	}
	committed := false
	defer func() {
		if !committed && created != "" {
			os.RemoveAll(created)
		}
	}()
	base = tempBase(base)
	removeStale(dir, base)
	tmp, err := createTemp(dir, base, private)
	if err != nil {
		return writeError(path, err)
	}
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := render(tmp); err != nil {
		return relabel(path, tmp.Name(), err)
	}
	if err := a.finish(tmp, path, private); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return writeError(path, err)
	}
	committed = true
	return nil
}

// checkTarget refuses targets that cannot or must not be replaced, and returns the file
// to replace: path, or the file a symbolic link at path leads to.
func (a *app) checkTarget(path string) (string, error) {
	target, err := followLink(path)
	if err != nil {
		return "", err
	}
	if info, err := os.Stat(target); err == nil {
		switch {
		case info.IsDir():
			return "", fmt.Errorf("cannot write %s: it is a directory", path)
		case !info.Mode().IsRegular():
			// The finished file would be renamed over the node: a pipe's reader would wait
			// for ever, and -o /dev/null run as root would replace the null device.
			return "", fmt.Errorf("cannot write %s: it is %s, not a file; give the name of a file", path, onDiskWords(info))
		case info.Mode().Perm()&0o222 == 0:
			// Renaming over a file needs only the folder's permission; a file no one may
			// write was made so on purpose.
			return "", fmt.Errorf("cannot write %s: it is read-only; make it writable, or write another file", path)
		}
	}
	return target, a.refuseInput(path)
}

// followLink is the file a symbolic link at path leads to, so that the link stays and its
// target gets the new content, as a shell's > gives it; path itself when it is no link.
func followLink(path string) (string, error) {
	if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if _, statErr := os.Stat(path); err != nil && statErr == nil {
		// A link the system resolves itself, as /dev/stdout to a pipe: what it leads to
		// is judged as it is.
		return path, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		dest, _ := os.Readlink(path)
		return "", fmt.Errorf("cannot write %s: it is a link to %s, which does not exist", path, dest)
	}
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, err)
	}
	return target, nil
}

// finish makes a written temporary file ready to replace path: on disk, with the mode of
// the file it replaces (no wider than 0600 for a private one), and only if the run has not
// been stopped meanwhile.
func (a *app) finish(tmp *os.File, path string, private bool) error {
	if err := tmp.Sync(); err != nil {
		return writeError(path, err)
	}
	if info, err := os.Stat(path); err == nil {
		perm := info.Mode().Perm()
		if private {
			perm &= 0o600
		}
		if err := tmp.Chmod(perm); err != nil && runtime.GOOS != "windows" {
			return writeError(path, err)
		}
	}
	if err := tmp.Close(); err != nil {
		return writeError(path, err)
	}
	return a.ctx.Err()
}

// createTemp creates NAME.negsim-tmp-XXXXXXXX in dir with the permissions a new file gets
// (the umask applies; private files at most 0600).
func createTemp(dir, base string, private bool) (*os.File, error) {
	perm := fs.FileMode(0o666)
	if private {
		perm = 0o600
	}
	for {
		f, err := os.OpenFile(filepath.Join(dir, base+tempMark+randomSuffix()), os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
}

func randomSuffix() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// removeStale removes what killed runs left beside base in dir: temporary files and
// staging folders older than staleAfter. The folder is read, not globbed: its name may
// hold a pattern's characters ("week[1]").
func removeStale(dir, base string) {
	if dir == "" {
		dir = "."
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), base+tempMark) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// setFile is one file of a set written together.
type setFile struct {
	name    string
	data    []byte
	private bool
}

// writeSet writes files into the folder dir, all or none: staged in a folder beside dir,
// then moved into place, restoring any file replaced if a move fails. It returns the paths
// written.
func (a *app) writeSet(dir string, files []setFile) ([]string, error) {
	// A link to a folder stays; the set is staged beside the folder it leads to, on the
	// same disk, so that the moves are renames.
	dir, err := followLink(dir)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range files {
		target, err := a.checkTarget(filepath.Join(dir, f.name))
		if err != nil {
			return nil, err
		}
		paths = append(paths, target)
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("cannot write into %s: it is %s, not a folder; give -o the name of a folder, or of one to be made", dir, onDiskWords(info))
	}
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	// Folders missing above dir are created, and removed again if the set fails.
	created, err := makeFolder(parent)
	if err != nil {
		return nil, writeError(dir, err)
	}
	base = tempBase(base)
	removeStale(parent, base)
	stage := filepath.Join(parent, base+tempMark+randomSuffix())
	if err := os.Mkdir(stage, 0o777); err != nil {
		return nil, writeError(dir, err)
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(stage)
			if created != "" {
				os.RemoveAll(created)
			}
		}
	}()
	for i, f := range files {
		if err := a.stageFile(stage, f, paths[i]); err != nil {
			return nil, err
		}
	}
	if err := a.ctx.Err(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(stage, dir); err != nil {
			return nil, writeError(dir, err)
		}
		committed = true
		return paths, nil
	}
	if err := moveIntoPlace(stage, paths, files); err != nil {
		return nil, err
	}
	committed = true
	return paths, nil
}

// onDiskWords names what is on disk in a student's words: /dev/null is no "file" to them,
// and "character device" is a word they would have to look up.
func onDiskWords(info fs.FileInfo) string {
	switch m := info.Mode(); {
	case m.IsRegular():
		return "a file"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	// Devices, and what the system names no other way, are written to as devices are.
	return "a device"
}

// makeFolder creates dir and the folders missing above it, with the permissions a new
// folder gets, and returns the highest it created ("" for none), for the caller to remove
// if what it writes there fails.
func makeFolder(dir string) (string, error) {
	if dir == "" {
		return "", nil
	}
	found, info, created := nearestOnDisk(dir)
	if info != nil && !info.IsDir() {
		// The system says "file exists" or "not a directory" of a file where a folder must
		// be, naming neither.
		return "", fmt.Errorf("%s is %s, not a folder", found, onDiskWords(info))
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", err
	}
	return created, nil
}

// nearestOnDisk walks up from dir to the first path that exists and returns it with its
// information (nil when none exists), and the highest path below it on the way to dir,
// which does not ("" when dir itself exists).
func nearestOnDisk(dir string) (found string, info fs.FileInfo, missing string) {
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if info, err := os.Stat(d); err == nil {
			return d, info, missing
		}
		missing = d
		if filepath.Dir(d) == d {
			return "", nil, missing
		}
	}
}

// stageFile writes one file of a set into the staging folder, with the mode the file it
// will replace has.
func (a *app) stageFile(stage string, f setFile, target string) error {
	perm := fs.FileMode(0o666)
	if f.private {
		perm = 0o600
	}
	out, err := os.OpenFile(filepath.Join(stage, f.name), os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return writeError(target, err)
	}
	if _, err := out.Write(f.data); err != nil {
		out.Close()
		return writeError(target, err)
	}
	return a.finish(out, target, f.private)
}

// warnLeftInSet names the files of dir that look like the set just written (ours says which
// names do) but that this run did not write: an earlier run's, of a role since renamed or
// another scenario. They are left alone, since a teacher's own file may share the pattern,
// but named, since a folder handed out or imported whole would mix two sets.
func (a *app) warnLeftInSet(dir string, written []setFile, ours func(name string) bool, before string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	var left []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && ours(name) && !slices.ContainsFunc(written, func(f setFile) bool { return f.name == name }) {
			left = append(left, name)
		}
	}
	if len(left) > 0 {
		fmt.Fprintf(a.stderr, "warning: %s also holds %s from an earlier run, which this run did not write: remove %s before %s\n",
			dir, sim.JoinWords(left, "and"), map[bool]string{true: "it", false: "them"}[len(left) == 1], before)
	}
}

// moveIntoPlace renames each staged file over its target, keeping the file it replaces in
// the staging folder until all are in place; if one move fails, every target is put back
// as it was.
func moveIntoPlace(stage string, paths []string, files []setFile) error {
	type moved struct {
		target, backup string
	}
	var done []moved
	undo := func() {
		for i := len(done) - 1; i >= 0; i-- {
			os.Remove(done[i].target)
			if done[i].backup != "" {
				os.Rename(done[i].backup, done[i].target)
			}
		}
	}
	for i, f := range files {
		m := moved{target: paths[i]}
		if _, err := os.Lstat(m.target); err == nil {
			m.backup = filepath.Join(stage, f.name+".old")
			if err := os.Rename(m.target, m.backup); err != nil {
				undo()
				return writeError(m.target, err)
			}
		}
		if err := os.Rename(filepath.Join(stage, f.name), m.target); err != nil {
			if m.backup != "" {
				os.Rename(m.backup, m.target)
			}
			undo()
			return writeError(m.target, err)
		}
		done = append(done, m)
	}
	os.RemoveAll(stage)
	return nil
}

// relabel names the user's file, not the temporary one, in an error from rendering.
func relabel(path, tmp string, err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) && pathErr.Path == tmp {
		return writeError(path, pathErr.Err)
	}
	return err
}

// writeError names the file the user asked for, not the temporary one beside it.
func writeError(path string, err error) error {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		err = pathErr.Err
	case errors.As(err, &linkErr):
		err = linkErr.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot write %s: the directory %s does not exist", path, filepath.Dir(path))
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

// spool holds output for standard output until it is complete: in memory up to
// spoolInMemory, then in a temporary file, so that a long listing costs no more memory
// than a short one and an interrupted run prints nothing.
type spool struct {
	mem  bytes.Buffer
	file *os.File
}

func (s *spool) Write(p []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(p) <= spoolInMemory {
		return s.mem.Write(p)
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "negsim-output-*")
		if err != nil {
			return 0, fmt.Errorf("cannot hold the output: %w", err)
		}
		s.file = f
		if _, err := f.Write(s.mem.Bytes()); err != nil {
			return 0, fmt.Errorf("cannot hold the output: %w", err)
		}
		s.mem = bytes.Buffer{}
	}
	n, err := s.file.Write(p)
	if err != nil {
		err = fmt.Errorf("cannot hold the output: %w", err)
	}
	return n, err
}

// copyTo writes what the spool holds to w.
func (s *spool) copyTo(w io.Writer) error {
	if s.file == nil {
		_, err := w.Write(s.mem.Bytes())
		return err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, s.file)
	return err
}

// discard removes the spool's temporary file, if it made one.
func (s *spool) discard() {
	if s.file != nil {
		s.file.Close()
		os.Remove(s.file.Name())
	}
}

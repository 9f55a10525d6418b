package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// filesNamed turns the file words of a command line (validate's scenarios, import's
// profiles) into the files to read. A folder stands for the files in it that keep takes,
// in name order, so that a class folder validates, and the folder export wrote imports,
// in one word; kind names them when there are none ("scenario file"). A pattern that names
// no file is expanded here: a Unix shell expands scenarios/*.yaml before negsim sees it,
// but the Windows command prompt and PowerShell pass it on as typed. Any other word, a
// shipped scenario's name or - among them, is left as it is.
func filesNamed(words []string, kind string, keep func(name string) bool) ([]string, error) {
	var paths []string
	for _, w := range words {
		info, err := os.Stat(w)
		switch {
		case err == nil && info.IsDir():
			entries, err := os.ReadDir(w)
			if err != nil {
				return nil, readError(w, err)
			}
			n := len(paths)
			for _, e := range entries {
				if fileEntry(w, e) && keep(e.Name()) {
					paths = append(paths, filepath.Join(w, e.Name()))
				}
			}
			if len(paths) == n {
				return nil, usagef("the folder %s holds no %s", w, kind)
			}
		case err != nil && w != "-" && strings.ContainsAny(w, "*?["):
			matches, globErr := filepath.Glob(w)
			if globErr != nil {
				return nil, usagef("%s: %v", w, globErr)
			}
			if len(matches) == 0 {
				return nil, usagef("no file matches %s", w)
			}
			paths = append(paths, matches...)
		default:
			paths = append(paths, w)
		}
	}
	return paths, nil
}

// fileEntry reports whether a folder's entry is one to read as a file among the folder's:
// a file, or a link that does not lead to a folder. A named pipe there would be waited on
// for ever (nothing writes to it), and a socket or a device holds no file; named on its own
// on the command line, a pipe is read, as bash's <(...) gives one. A broken link is kept,
// so that reading it says what is wrong.
func fileEntry(dir string, e fs.DirEntry) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return e.Type().IsRegular()
	}
	info, err := os.Stat(filepath.Join(dir, e.Name()))
	return err != nil || info.Mode().IsRegular()
}

package api

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// A scenario is named in requests by one string:
//
//	ukraine-2026     a shipped scenario ("" is the default one)
//	file:NAME        a file of Options.Files, NAME a slash-separated path inside it
//	doc:ID           a text the page sent with load (a local file, opened in the browser)
const (
	filePrefix = "file:"
	docPrefix  = "doc:"
)

// docCache keeps parsed documents, so that a slider's every move does not parse the file
// again. Texts are keyed by their content: an edited file is parsed afresh. It keeps at
// most max documents and, since a parsed text holds several times its bytes, texts of at
// most maxBytes together.
type docCache struct {
	mu       sync.Mutex
	max      int
	maxBytes int64
	bytes    int64
	docs     map[string]cached
	order    []string // keys, oldest first, for eviction
}

type cached struct {
	doc  *config.Document
	size int64
	// from is the document a variant was applied to: a variant is kept under that
	// document's address, which must not be reused while the variant is kept.
	from *config.Document
}

// cachedFiles is how many texts of the largest size a file may have are kept at once.
const cachedFiles = 8

func newDocCache(max int, maxBytes int64) *docCache {
	return &docCache{max: max, maxBytes: maxBytes, docs: map[string]cached{}}
}

func (c *docCache) get(key string) (*config.Document, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.docs[key]
	return d.doc, ok
}

// put keeps doc under key; size is the bytes of the text it was parsed from, or 0 for a
// document derived from one already kept.
func (c *docCache) put(key string, doc *config.Document, size int64) {
	c.keep(key, cached{doc: doc, size: size})
}

func (c *docCache) keep(key string, d cached) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.docs[key]; ok {
		return
	}
	for len(c.order) > 0 && (len(c.order) >= c.max || c.bytes+d.size > c.maxBytes) {
		c.bytes -= c.docs[c.order[0]].size
		delete(c.docs, c.order[0])
		c.order = c.order[1:]
	}
	c.docs[key] = d
	c.bytes += d.size
	c.order = append(c.order, key)
}

// tooLarge refuses a text above the size limit, as the command line refuses such a file.
func (a *API) tooLarge(name string, text []byte) error {
	if int64(len(text)) > a.opt.MaxFileSize {
		return &Error{Kind: KindInput, Message: fmt.Sprintf("%s: the file is larger than %s; a scenario is a few kilobytes, so this is probably not one", name, config.Size(a.opt.MaxFileSize))}
	}
	return nil
}

// parse loads a text under name, once per distinct name and content.
func (a *API) parse(name string, text []byte) (*config.Document, string, error) {
	sum := sha256.Sum256(append([]byte(name+"\x00"), text...))
	key := hex.EncodeToString(sum[:12])
	if doc, ok := a.docs.get(key); ok {
		return doc, key, nil
	}
	doc, err := config.Load(name, text)
	if err != nil {
		return nil, "", err
	}
	a.docs.put(key, doc, int64(len(text)))
	return doc, key, nil
}

// document finds the parsed document a request names; the caller must not change it
// (see open).
func (a *API) document(ref string) (*config.Document, error) {
	switch {
	case strings.HasPrefix(ref, docPrefix):
		if doc, ok := a.docs.get(strings.TrimPrefix(ref, docPrefix)); ok {
			return doc, nil
		}
		return nil, &Error{Kind: KindNotFound, Message: fmt.Sprintf("scenario %s is no longer loaded; open the file again", ref)}
	case strings.HasPrefix(ref, filePrefix):
		name := strings.TrimPrefix(ref, filePrefix)
		text, err := a.readFile(name)
		if err != nil {
			return nil, err
		}
		doc, _, err := a.parse(name, text)
		return doc, err
	}
	name := strings.TrimSuffix(ref, ".yaml")
	if name == "" {
		name = scenarios.Default
	}
	if doc, ok := a.docs.get("shipped:" + name); ok {
		return doc, nil
	}
	text, ok := scenarios.Read(name)
	if !ok || strings.ContainsAny(name, "/\\") {
		// A link written by hand for a file of the served folder names it as a shipped one.
		hint := sim.DidYouMean(name, scenarios.Names())
		if files, _ := ScenarioFiles(a.opt.Files); slices.Contains(files, ref) || slices.Contains(files, ref+".yaml") {
			hint = fmt.Sprintf(" the served folder's file is file:%s;", strings.TrimSuffix(ref, ".yaml")+".yaml")
		}
		return nil, &Error{Kind: KindNotFound, Message: fmt.Sprintf("no shipped scenario %q;%s valid: %s", ref,
			hint, strings.Join(scenarios.Names(), ", "))}
	}
	doc, _, err := a.parse(name+".yaml", text)
	if err == nil {
		a.docs.put("shipped:"+name, doc, 0)
	}
	return doc, err
}

// open is the scenario a query asks for: the named document with its variant and
// overrides applied to a copy, so that the kept document stays as the file wrote it.
func (a *API) open(q Query) (*config.Document, error) {
	doc, err := a.document(q.Scenario)
	if err != nil {
		return nil, err
	}
	sets, err := overrides(q.Set)
	if err != nil {
		return nil, err
	}
	base, err := a.variant(doc, q.Variant)
	if err != nil {
		return nil, err
	}
	if len(sets) == 0 {
		return base, nil
	}
	applied := *base
	if err := applied.Apply("", sets); err != nil {
		return nil, err
	}
	// Applied in two steps, the what-if is still the variant's.
	applied.Variant = base.Variant
	return &applied, nil
}

// variant is the document with a variant applied (or none), kept for the next request: a
// slider's moves change the overrides, seldom the variant. Its scenario keeps no variants,
// which are spent once one is applied and whose checks (each applied to a copy and
// validated) would otherwise dominate every later request: validating an override is then
// validating the scenario once. No variant check yields a warning, so results are
// unchanged.
func (a *API) variant(doc *config.Document, variant string) (*config.Document, error) {
	key := fmt.Sprintf("%p#%s", doc, variant)
	if d, ok := a.docs.get(key); ok {
		return d, nil
	}
	applied := *doc
	if err := applied.Apply(variant, nil); err != nil {
		return nil, err
	}
	spent := applied.Scenario.Clone()
	spent.Variants = nil
	sp, err := sim.Compile(spent)
	if err != nil {
		return nil, err
	}
	applied.Scenario, applied.Space = spent, sp
	a.docs.keep(key, cached{doc: &applied, from: doc})
	return &applied, nil
}

func overrides(sets []string) ([]config.Override, error) {
	var out []config.Override
	for _, s := range sets {
		o, err := config.ParseOverride(s)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// ValidFileName reports whether name may be asked of Options.Files: a slash-separated path
// inside the folder, with no "..", no leading slash and no hidden part.
func ValidFileName(name string) bool {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return false
	}
	return !slices.ContainsFunc(strings.Split(name, "/"), func(part string) bool { return strings.HasPrefix(part, ".") })
}

// ScenarioFile reports whether a file name is a scenario's by its extension, in any case:
// Windows writes "Talks.YAML" as readily as "talks.yaml", and negsim reads either.
func ScenarioFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// ListedScenario reports whether a folder's file is among the scenarios the folder stands
// for: a scenario file by its extension, but not a JSON Schema (*.schema.json), which the
// README has a teacher save beside the scenarios for the editor, and which is no scenario.
func ListedScenario(name string) bool {
	return ScenarioFile(name) && !strings.HasSuffix(strings.ToLower(name), ".schema.json")
}

func (a *API) readFile(name string) ([]byte, error) {
	if a.opt.Files == nil {
		return nil, &Error{Kind: KindNotFound, Message: "no folder is served: start negsim serve with a FILE or DIR to open files by name"}
	}
	if !ValidFileName(name) || !ScenarioFile(name) {
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("file %q: give a .yaml, .yml or .json file inside the served folder, by a path with no .. and no hidden parts", name)}
	}
	// Only a regular file is opened: opening a named pipe blocks until something writes to
	// it, which no deadline of the request could end.
	info, err := fs.Stat(a.opt.Files, name)
	if errors.Is(err, fs.ErrNotExist) {
		if onDisk, ok := config.SameNameInFS(a.opt.Files, name); ok {
			name = onDisk
			info, err = fs.Stat(a.opt.Files, name)
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{Kind: KindNotFound, Message: fmt.Sprintf("no file %q in the served folder", name)}
	}
	if err == nil && !info.Mode().IsRegular() {
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("file %q is not a regular file (a folder, a pipe or a device); give a scenario file", name)}
	}
	var f fs.File
	if err == nil {
		f, err = a.opt.Files.Open(name)
	}
	if err != nil {
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("file %q cannot be read: %v", name, err)}
	}
	defer f.Close()
	text, err := io.ReadAll(io.LimitReader(f, a.opt.MaxFileSize+1))
	if err != nil {
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("file %q cannot be read: %v", name, err)}
	}
	return text, a.tooLarge(name, text)
}

// ScenarioFiles lists the scenarios of a folder (see ListedScenario) as the page names
// them: slash-separated paths, in path order, at most 500, from at most three folders
// deep, skipping hidden files and folders and entries that cannot be read (a link that
// leads out of an os.Root).
func ScenarioFiles(files fs.FS) ([]string, error) {
	const maxListed, maxDepth = 500, 3
	names := []string{}
	if files == nil {
		return names, nil
	}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() && p != "." {
				return fs.SkipDir
			}
			return nil
		}
		if p == "." {
			return nil
		}
		if !ValidFileName(p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if strings.Count(p, "/") >= maxDepth-1 {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && ListedScenario(p) {
			names = append(names, p)
			if len(names) == maxListed {
				return fs.SkipAll
			}
		}
		return nil
	})
	return names, err
}

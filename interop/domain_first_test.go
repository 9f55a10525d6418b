package interop

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Every folder of real GENIUS files, listed as a shell's *.xml lists it (alphabetically),
// comes back with its one domain first and its profiles in the order given. The domains are
// the files without weights or evaluations (checked by grep over ../shared/interop:
// camera_domain.xml, FiftyFifty2013_domain.xml, IntegerDomain.xml, car_domain.xml,
// party_domain.xml).
func TestDomainFirstFindsTheDomainOfRealFolders(t *testing.T) {
	dir := dataDir(t)
	for folder, domain := range map[string]string{
		"negmas_app_camera2011":                  "camera_domain.xml",
		"negmas_fifty2013":                       "FiftyFifty2013_domain.xml",
		"genius_domainimpl_counts/IntegerDomain": "IntegerDomain.xml",
		"genius_domainimpl_counts/2nd_hand_car":  "car_domain.xml",
		"genius_domainimpl_counts/partydomain":   "party_domain.xml",
	} {
		paths, err := filepath.Glob(filepath.Join(dir, folder, "*.xml"))
		if err != nil || len(paths) < 2 {
			t.Fatalf("%s: %v %v", folder, paths, err)
		}
		var files []File
		var profiles []string
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, File{Name: p, Data: data})
			if filepath.Base(p) != domain {
				profiles = append(profiles, p)
			}
		}
		var got []string
		for _, f := range DomainFirst(files) {
			got = append(got, f.Name)
		}
		if want := append([]string{filepath.Join(dir, folder, domain)}, profiles...); !slices.Equal(got, want) {
			t.Errorf("%s: DomainFirst gives %q, want %q", folder, got, want)
		}
	}
}

// Files are left in the order given when they do not hold exactly one domain: ReadGenius
// then says what is wrong with the first.
func TestDomainFirstLeavesFilesWithoutOneDomain(t *testing.T) {
	domain := File{Name: "d.xml", Data: []byte(`<negotiation_template><utility_space><objective index="0" name="root"><issue index="1" name="Price" type="discrete"><item index="1" value="low"/></issue></objective></utility_space></negotiation_template>`)}
	other := File{Name: "e.xml", Data: domain.Data}
	profile := File{Name: "p.xml", Data: []byte(`<utility_space><objective index="0" name="root"><issue index="1" name="Price" type="discrete"><item value="low" evaluation="1"/></issue><weight index="1" value="1"/></objective></utility_space>`)}
	broken := File{Name: "x.xml", Data: []byte(`<utility_space>`)}
	for _, files := range [][]File{
		{profile, profile},
		{profile, domain, other},
		{broken, profile},
		{domain, profile},
	} {
		if got := DomainFirst(files); !slices.Equal(names(got), names(files)) {
			t.Errorf("DomainFirst reorders %v as %v", names(files), names(got))
		}
	}
	if got := DomainFirst([]File{profile, broken, domain}); !slices.Equal(names(got), []string{"d.xml", "p.xml", "x.xml"}) {
		t.Errorf("DomainFirst gives %v, want d.xml, p.xml, x.xml", names(got))
	}
}

func names(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Name)
	}
	return out
}

package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
)

// shippedScenario is one line of 'negsim list': the page's entry, with the description's
// first sentence.
type shippedScenario = api.Shipped

func (a *app) listCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the shipped scenarios",
		Long:  "list shows the scenarios built into negsim. Any command takes their names in place of a file.",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var list []shippedScenario
			for _, name := range scenarios.Names() {
				data, _ := scenarios.Read(name)
				doc, err := config.Load(name+".yaml", data)
				if err != nil {
					return err
				}
				list = append(list, shippedScenario{Name: name, Title: doc.Scenario.Name,
					Description: firstSentence(doc.Scenario.Description), Default: name == scenarios.Default})
			}
			g := func() *grid { return listGrid(list) }
			return a.show(view{
				json:   jsonOf(nil, list),
				csv:    csvOf(g),
				report: plainReport(func() *report { return &report{sections: []section{{grid: g()}}} }),
			})
		},
	}
}

func listGrid(list []shippedScenario) *grid {
	g := &grid{header: []string{"name", "title", "what it shows"}}
	for _, s := range list {
		name := s.Name
		if s.Default {
			name += " (default)"
		}
		g.add(name, s.Title, s.Description)
	}
	return g
}

// firstSentence keeps a listing to one line per scenario.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

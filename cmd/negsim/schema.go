package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/config"
)

func (a *app) schemaCommand() *cobra.Command {
	return &cobra.Command{
		Annotations: writesFormats("", "table", "json", "markdown", "csv"),
		Use:         "schema",
		Short:       "Print the JSON Schema of scenario files, or a reference of their fields",
		Long: `schema prints the JSON Schema of scenario files (draft 2020-12), generated from the same
definitions the loader reads, so it never drifts from what negsim accepts. Save it beside
your scenario and start the scenario with the line

  # yaml-language-server: $schema=negsim.schema.json

and VS Code (with the YAML extension) and other editors complete field names, show what
each field means and flag mistakes as you type. The schema checks each value on its own;
'negsim validate' also checks what the schema cannot see, such as an issue named in a
preference existing, or utilities covering every option.

With --format markdown or csv, schema prints a reference of every field instead: its path,
type, whether it is required, its default and what it means.`,
		Example: `  negsim schema > negsim.schema.json
  negsim schema --format markdown`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			// The schema is JSON whatever the format, but for the two made for reading a
			// reference from: Markdown and a spreadsheet.
			return a.show(view{
				json: writeSchema,
				csv:  csvOf(schemaGrid),
				report: func(w io.Writer, format string) error {
					if format == "markdown" {
						return schemaGrid().render(w, true)
					}
					return writeSchema(w)
				},
			})
		},
	}
}

// writeSchema writes the JSON Schema of a scenario file.
func writeSchema(w io.Writer) error {
	data, err := config.Schema()
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// schemaGrid is the reference of every field a scenario file takes.
func schemaGrid() *grid {
	g := &grid{header: []string{"field", "type", "required", "default", "meaning"}}
	for _, f := range config.SchemaFields() {
		req := ""
		if f.Required {
			req = "yes"
		}
		g.add(f.Path, f.Type, req, f.Default, f.Description)
	}
	return g
}

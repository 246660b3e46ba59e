// cli/options — every command-line option, defined once (options_define in
// cli.cpp). --help, the man page (--man, man.cpp) and the README's option
// list all come from these definitions.
#pragma once

#include <string>
#include <vector>

#include "cli/job.h"
#include "cli/names.h"

namespace CLI {
class App;
}

namespace deckpdf::cli {

// What the command line says, before it becomes one Job per input.
struct Options {
  std::vector<std::string> inputs;  // INPUT...: paths, "-" = stdin
  Job job;                          // the settings every input shares
  std::string dump;                 // --dump: "", "html", "json" or "layout"
  bool builds = false;              // --builds
  unsigned jobs = 1;                // -j N: inputs exported at once
  bool watch = false;               // --watch
  bool man = false;                 // --man (hidden): print the man page
};

// Defines every option of `app`, bound to `o`. One place: adding an option
// here adds it to --help and to the man page. `names`: the themes and
// handout layouts that --help lists.
void options_define(CLI::App& app, Options& o, const Names& names);

// The man page (roff, man(7)) made from the app's options, description and
// the sections below.
std::string man_page(const CLI::App& app);

}  // namespace deckpdf::cli

// cli — the command line: CLI11 options become a Job; the Job runs the
// pipeline; diagnostics are printed; the result is an exit code.
#pragma once

#include <string>
#include <vector>

namespace deckpdf::cli {

// Exit codes, as documented in the README.
enum Exit : int {
  exit_ok = 0,     // success; warnings may have been printed
  exit_deck = 1,   // the deck has errors
  exit_usage = 2,  // the command line is wrong
  exit_io = 3,     // a file could not be read or written
};

enum class Mode { Slides, Builds };
enum class Dump { None, Html, Json };

struct Job {
  std::string input;
  std::string output;  // "" = input with .pdf
  Mode mode = Mode::Slides;
  Dump dump = Dump::None;
  std::string theme;  // "" = front matter or "white"
  std::string size;   // "" = front matter or "16:9"
  std::string data_dir;  // holds fonts/ and layouts/
  bool quiet = false;
  bool check = false;  // parse and lay out, write nothing
};

// Runs one job. Diagnostics go to stderr; dumps to stdout.
int job_run(const Job& job);

// The folder that holds fonts/ and layouts/: $DECKPDF_DATA_DIR, then the
// install location, then the source tree the binary was built from.
std::string data_dir_find(const char* argv0);

// Parses the command line and runs; what main() calls.
int cli_main(int argc, char** argv);

}  // namespace deckpdf::cli

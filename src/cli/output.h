// cli/output — where a job's outputs go and how they get there: paths
// beside the input (or as -o names them), files written atomically, and
// standard output shared between jobs that run at once.
#pragma once

#include <mutex>
#include <ostream>
#include <string>

#include "cli/job.h"

namespace deckpdf::cli {

// Held while a job prints, so that jobs running at once (-j) do not
// interleave their messages and outputs.
std::mutex& print_mutex();

// Where a job's output goes: `output` as given ("" = beside the input,
// INPUT with .pdf; an existing folder or a path ending in '/' = INPUT.pdf in
// that folder; "-" = stdout; standard input's default is stdout), with
// `suffix` before the extension ("-handout": talk-handout.pdf).
std::string output_path(const std::string& input, const std::string& output,
                        const std::string& suffix = "");

// Writes one PDF to standard output. Returns an exit code; errors go to
// `err`.
int output_stdout(const std::string& bytes, std::ostream& err);

// Whether to say what was written ("wrote talk.pdf (12 pages, ...)"): with
// -v, or on a terminal unless -q, or --watch, whose status line says it.
bool output_tell(const Job& job);

}  // namespace deckpdf::cli

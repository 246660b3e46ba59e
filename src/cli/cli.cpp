#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/job.h"

namespace deckpdf::cli {

int cli_main(int argc, char** argv) {
  CLI::App app{
      "deckpdf: turn reveal.js slide decks written in Pug into PDF, without a browser.",
      "deckpdf"};
  app.footer(
      "Examples:\n"
      "  deckpdf talk.pug                 one page per slide -> talk.pdf\n"
      "  deckpdf talk.pug --builds        one page per fragment step\n"
      "  deckpdf talk.pug --slides 3-7,12 only those slides\n"
      "  deckpdf talk.pug -o out/talk.pdf --theme black\n"
      "  deckpdf talk.pug --dump=html     the deck as HTML, as pug renders it\n"
      "\n"
      "Exit codes: 0 success (warnings allowed), 1 errors in the deck, 2 usage errors,\n"
      "3 a file could not be read or written.");
  Job job;
  std::string dump;
  bool builds = false;
  app.add_option("INPUT", job.input, "the deck (.pug)")->required();
  app.add_option("-o,--output", job.output, "output file (default: INPUT with .pdf; - = stdout)");
  app.add_flag("--builds", builds, "one page per fragment step, as the audience saw it");
  app.add_option("--slides", job.slides,
                 "print only these slides: 1-based numbers and ranges, e.g. 3-7,12");
  app.add_flag("--slide-numbers", job.slide_numbers,
               "print each slide's number (3 or 3.2) at its bottom right");
  app.add_option("--theme", job.theme, "theme name from layouts/ or a .css file (default: white)");
  app.add_option("--size", job.size, "slide size: 16:9 (default), 4:3 or WIDTHxHEIGHT in px");
  app.add_option("--dump", dump, "print the document instead: html or json")
      ->check(CLI::IsMember({"html", "json"}));
  app.add_flag("--check", job.check, "read and lay out the deck, report problems, write nothing");
  app.add_flag("-q,--quiet", job.quiet, "print errors only");
  app.set_version_flag("--version", std::string("deckpdf ") + DECKPDF_VERSION);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  job.mode = builds ? Mode::Builds : Mode::Slides;
  job.dump = dump == "html" ? Dump::Html : dump == "json" ? Dump::Json : Dump::None;
  job.data_dir = data_dir_find(argc > 0 ? argv[0] : nullptr);
  return job_run(job);
}

}  // namespace deckpdf::cli

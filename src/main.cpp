// deckpdf — the pipeline, end to end (each step is a stage under src/):
//
//   source   read the deck's bytes, check them, split off the front matter
//   pug      lex and parse the Pug into a dom tree; Markdown via md4c
//   deck     find slides, notes and fragment steps (reveal.js rules)
//   style    load the theme, compute each element's style
//   text     load the bundled fonts, shape text with HarfBuzz
//   layout   lay each slide out into a display list
//   compose  place display lists on pages for the chosen mode
//   pdf      write the pages with libharu, atomically
//
// The steps themselves are in cli/job.cpp (job_run), a short driver.
#include <exception>
#include <iostream>

#include "cli/job.h"

int main(int argc, char** argv) {
  try {
    return deckpdf::cli::cli_main(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "deckpdf: error: out of memory\n";
    return deckpdf::cli::exit_io;
  } catch (const std::exception& e) {
    std::cerr << "deckpdf: internal error: " << e.what() << "\n";
    return 70;
  }
}

// fuzz_export — the whole pipeline, bytes to an in-memory PDF
// (cli::export_to_memory, what job_run runs between reading the deck and
// writing the file). The first byte picks the job, as md4c's fuzz target
// takes its flags from the input:
//   bits 0-1  0 slides, 1 builds, 2 --dump=html, 3 --dump=json
//   bit 2     --theme fuzz/themes/alt.css (else the default, white)
//   bit 3     --size 4:3
//   bit 4     --slide-numbers
//   bit 5     --slides 1,3-4
//   bit 6     --check (with bit 7: --notes-only instead)
//   bit 7     --handout (notes-right; with bit 5: 4-up)
// The rest is the deck and the files beside it (fuzz_files.h: parts split
// at \x01 become a.pug, layout.pug, notes.md, sub/b.pug, mixins.pug and the
// picture p.png, so includes, extends and picture bytes are fuzzed with
// the deck; fuzz/deck/a.png is there too). A successful export must be a
// whole PDF.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "cli/job.h"
#include "fuzz_files.h"
#include "source/source.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace deckpdf;
  if (size < 1) return 0;
  uint8_t flags = data[0];
  cli::Job job;
  job.data_dir = DECKPDF_FUZZ_SOURCE_DIR;
  switch (flags & 3) {
    case 0: job.mode = cli::Mode::Slides; break;
    case 1: job.mode = cli::Mode::Builds; break;
    case 2: job.dump = cli::Dump::Html; break;
    default: job.dump = cli::Dump::Json; break;
  }
  if (flags & 4) job.theme = DECKPDF_FUZZ_SOURCE_DIR "/fuzz/themes/alt.css";
  if (flags & 8) job.size = "4:3";
  job.slide_numbers = flags & 16;
  if (flags & 32) job.slides = "1,3-4";
  if (flags & 128) {
    job.handout = (flags & 32) ? "4-up" : "notes-right";
    job.notes_only = flags & 64;
  } else {
    job.check = flags & 64;
  }

  static fuzz::FuzzFolder folder;
  static bool picture = std::filesystem::copy_file(DECKPDF_FUZZ_SOURCE_DIR "/fuzz/deck/a.png",
                                                   folder.root() + "/a.png");
  (void)picture;
  std::string deck = folder.take({reinterpret_cast<const char*>(data + 1), size - 1});
  Source source(folder.root() + "/fuzz.pug", std::move(deck));
  cli::Export r = cli::export_to_memory(source, job);

  // What a successful export promises.
  if (r.exit_code == cli::exit_ok && job.dump == cli::Dump::None && !job.check) {
    if (r.outputs.empty()) __builtin_trap();
    std::string_view pdf = r.outputs.front().pdf;
    if (pdf.substr(0, 5) != "%PDF-") __builtin_trap();
    if (pdf.size() < 6 || pdf.find("%%EOF", pdf.size() - 8) == std::string_view::npos) {
      __builtin_trap();
    }
    if (r.outputs.front().pages == 0) __builtin_trap();
  }
  // A failure says why: an error diagnostic or a message.
  if (r.exit_code == cli::exit_deck && !r.diags.has_errors()) __builtin_trap();
  if ((r.exit_code == cli::exit_io || r.exit_code == cli::exit_usage) && r.error.empty()) {
    __builtin_trap();
  }
  return 0;
}

// cli/job — one input's run (job_run): read the deck, export it in
// memory (export.cpp), print its diagnostics as one block, write the
// outputs (output.cpp).
#include "cli/job.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>

#include "cli/atomic_write.h"
#include "cli/output.h"
#include "source/diagnostic.h"

namespace deckpdf::cli {

namespace fs = std::filesystem;

namespace {

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDERR_FILENO) != 0;
}

// Prints the diagnostics (errors only when `quiet`); with `repeats`, a
// warning printed last time is not printed again. Counts into `result`.
void print_diagnostics(std::ostream& err, const Source& source, const SourceSet& sources,
                       const Diagnostics& diags, bool quiet, Repeats* repeats, JobResult& result) {
  bool color = use_color();
  std::set<std::string> warnings;
  for (Diagnostic d : diags.items()) {
    bool error = d.severity == Severity::Error;
    (error ? result.errors : result.warnings)++;
    if (quiet && !error) continue;
    sources.localize(d);
    std::string text = diagnostic_format(source, d, color);
    if (!error && repeats) {
      warnings.insert(text);
      if (repeats->warnings.count(text)) continue;
    }
    if (!error) result.warnings_printed++;
    err << text;
  }
  if (repeats) repeats->warnings = std::move(warnings);
  if (diags.dropped() > 0) {
    err << source.path() << ": note: " << diags.dropped() << " more diagnostics not shown\n";
  }
}

// Before .pdf: talk-handout.pdf, talk-notes.pdf.
std::string suffix_of(Product product) {
  switch (product) {
    case Product::Deck: return "";
    case Product::Handout: return "-handout";
    case Product::Notes: return "-notes";
  }
  return "";
}

}  // namespace

std::string data_dir_find(const char* argv0) {
  auto has_data = [](const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p / "fonts", ec) && fs::is_directory(p / "layouts", ec);
  };
  if (const char* env = std::getenv("DECKPDF_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec && argv0) exe = fs::absolute(argv0, ec);
  if (!exe.empty()) {
    fs::path share = exe.parent_path().parent_path() / "share" / "deckpdf";
    if (has_data(share)) return share.string();
  }
  if (has_data(DECKPDF_INSTALL_DATA_DIR)) return DECKPDF_INSTALL_DATA_DIR;
  return DECKPDF_SOURCE_DATA_DIR;
}

JobResult job_run(const Job& job, Repeats* repeats) {
  JobResult result;
  std::ostringstream err;  // printed as one block at the end
  auto finish = [&](int code) {
    std::lock_guard<std::mutex> lock(print_mutex());
    std::cerr << err.str() << std::flush;
    result.exit_code = code;
    return result;
  };
  auto started = std::chrono::steady_clock::now();
  if (job.verbose) err << "deckpdf: fonts and layouts from " << job.data_dir << "\n";

  // The deck's bytes; everything up to the PDFs' bytes is export_to_memory.
  std::string read_error;
  ReadFailure failure = ReadFailure::None;
  if (job.input != "-") result.files.push_back(job.input);
  std::optional<Source> source = source_read_file(job.input, read_error, &failure);
  if (!source) {
    err << "deckpdf: error: " << read_error << "\n";
    return finish(failure == ReadFailure::TooLarge ? exit_deck : exit_io);
  }

  // -o FILE names the first product; the others go beside it with their
  // suffix (out.pdf, out-handout.pdf). A folder or the default: all suffixed.
  size_t products = products_of(job).size();
  if (products > 1 && output_path(job.input, job.output) == "-" && !job.check) {
    err << "deckpdf: error: standard output takes one PDF; this run makes " << products
        << " (give -o FILE or -o DIR)\n";
    return finish(exit_usage);
  }

  Export r = export_to_memory(*source, job);
  result.files.insert(result.files.end(), r.files.begin(), r.files.end());
  if (r.show_diags) {
    print_diagnostics(err, *source, r.sources, r.diags, job.quiet, repeats, result);
  } else {  // a failure that shows no deck diagnostics still shows the theme's
    Diagnostics theme_diags;
    for (const Diagnostic& d : r.diags.items()) {
      if (d.file) theme_diags.add(d);
    }
    print_diagnostics(err, *source, r.sources, theme_diags, job.quiet, repeats, result);
  }
  if (!r.error.empty()) err << "deckpdf: error: " << r.error << "\n";
  if (job.dump != Dump::None) {
    std::lock_guard<std::mutex> lock(print_mutex());
    std::cout << r.dump << std::flush;
  }
  int code = r.exit_code;
  if (job.dump != Dump::None || code != exit_ok || job.check) return finish(code);

  // The files, only once every product was made, and together: the PDFs
  // and the .pdfpc all replaced, or none (cli/atomic_write.h).
  std::error_code dir_ec;
  bool output_is_file = !job.output.empty() && job.output != "-" && job.output.back() != '/' &&
                        !fs::is_directory(job.output, dir_ec);
  OutputGroup group;
  std::vector<std::string> told;  // "wrote ..." lines, once all are in place
  auto write_failed = [&](const std::string& write_error) {
    err << "deckpdf: error: " << write_error << "\n";
    result.written.clear();
    return finish(exit_io);
  };
  for (const Output& out : r.outputs) {
    bool first = &out == &r.outputs.front();
    std::string path =
        output_path(job.input, job.output, first && output_is_file ? "" : suffix_of(out.product));
    if (path == "-") {  // standard output takes one PDF (checked above)
      code = output_stdout(out.pdf, err);
      if (code != exit_ok) return finish(code);
      continue;
    }
    std::string write_error;
    if (!group.add(path, out.pdf, write_error)) return write_failed(write_error);
    result.written.emplace_back(path, out.pages);
    told.push_back("wrote " + path + " (" + std::to_string(out.pages) + " pages, " +
                   std::to_string(out.pdf.size()) + " bytes)");
    if (job.pdfpc && first) {
      // talk.pdfpc beside talk.pdf, as pdfpc looks for it.
      std::string pdfpc_path = fs::path(path).replace_extension(".pdfpc").string();
      if (!group.add(pdfpc_path, out.pdfpc, write_error)) return write_failed(write_error);
      if (job.verbose) told.push_back("wrote " + pdfpc_path);
    }
  }
  if (std::string commit_error; !group.commit(commit_error)) return write_failed(commit_error);
  if (output_tell(job)) {
    for (const std::string& line : told) err << line << "\n";
  }
  if (code == exit_ok && job.verbose) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - started)
                  .count();
    err << (job.input == "-" ? "<stdin>" : job.input) << ": exported in " << ms << " ms\n";
  }
  return finish(code);
}

}  // namespace deckpdf::cli

// cli — the command line: options_define (every option, in one place), then
// cli_main: parse, check what only makes sense together, one Job per input,
// run them (on -j threads, or under --watch).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/atomic_write.h"
#include "cli/job.h"
#include "cli/names.h"
#include "cli/options.h"
#include "cli/output.h"
#include "layout/parallel.h"
#include "source/nearest.h"

namespace deckpdf::cli {

void options_define(CLI::App& app, Options& o, const Names& names) {
  app.description(
      "deckpdf turns reveal.js slide decks written in Pug into PDF files, natively, without a "
      "browser: one page per slide, or one page per fragment step.");
  app.footer(
      "Examples:\n"
      "  deckpdf talk.pug                         one page per slide -> talk.pdf\n"
      "  deckpdf talk.pug --builds                one page per fragment step\n"
      "  deckpdf talk.pug --builds --handout      talk.pdf and talk-handout.pdf\n"
      "  deckpdf talk.pug --handout 4-up          four slides a page -> talk-handout.pdf\n"
      "  deckpdf talk.pug --slides 3-4.2,7        slides 3 to 4.2, and 7\n"
      "  deckpdf talk.pug -o out/ --theme my.css  out/talk.pdf in your theme\n"
      "  deckpdf talk.pug -o - > talk.pdf         the PDF on standard output\n"
      "  deckpdf - < talk.pug > talk.pdf          the deck from standard input\n"
      "  deckpdf decks/*.pug -o pdf/ -j 2         several decks, two at a time\n"
      "  deckpdf talk.pug --watch                 export again whenever the deck changes\n"
      "  deckpdf talk.pug --check                 report problems, write nothing\n"
      "  deckpdf talk.pug --dump=json             the deck model: slides, notes, fragments\n"
      "\n"
      "Exit codes: 0 success (warnings allowed), 1 errors in the deck, 2 usage errors,\n"
      "3 a file could not be read or written. With several inputs, the highest.");
  app.get_formatter()->column_width(30);

  Job& job = o.job;
  // Input and output.
  app.add_option("INPUT", o.inputs, "the decks (.pug); - reads standard input")
      ->required()
      ->type_name("");
  app.add_option("-o,--output", job.output,
                 "output file, or a folder to write INPUT.pdf into, or - for standard output "
                 "(default: INPUT with .pdf)")
      ->type_name("FILE|DIR|-");
  // What to print.
  app.add_flag("--builds", o.builds, "one page per fragment step, as the audience saw it");
  app.add_option("--slides", job.slides,
                 "print only these slides, numbered as reveal.js shows them: 3-7,12, 4.2 (a "
                 "slide of stack 4; 4 is all of it), 3-4.2 or 5- (to the end)")
      ->type_name("RANGE");
  app.add_flag("--slide-numbers", job.slide_numbers,
               "print each slide's number (3 or 3.2) at its bottom right");
  app.add_flag("--tagged", job.tagged,
               "a tagged PDF (PDF/UA-1): a structure tree from the deck (headings, lists, "
               "tables, pictures with their alt text, links, code, formulas, notes), so that "
               "screen readers read each slide in order");
  // How it looks.
  app.add_option("--theme", job.theme,
                 "a .css file, or a theme by name: " + names_list(names.themes) +
                     " (default: the deck's, else white)")
      ->type_name("NAME|FILE");
  app.add_option("--css", job.css,
                 "a CSS file of your own, read after the theme and the deck's style blocks "
                 "(repeat for more)")
      ->type_name("FILE");
  app.add_option("--code-theme", job.code_theme,
                 "colours of highlighted code: monokai (default), github, none, or a .css file")
      ->type_name("NAME|FILE");
  app.add_option("--size", job.size, "slide size: 16:9 (default), 4:3 or WIDTHxHEIGHT in px")
      ->type_name("SIZE");
  app.add_option("--asset-root", job.asset_root,
                 "folder that site-absolute image paths (/images/x.png) point into")
      ->type_name("DIR");
  app.add_option("--image-dpi", job.image_dpi,
                 "store pictures with at most N pixels per inch at the size they are drawn, "
                 "for a smaller PDF (default: as they are)")
      ->check(CLI::Range(10, 10000).description(""))
      ->type_name("N");
  app.add_flag("--pdfa", job.pdfa,
               "write PDF/A-2b, for archives: XMP metadata naming it, an sRGB output intent");
  app.add_option("--lang", job.lang,
                 "the document's language as a BCP 47 tag (en, de-CH, zh-Hant), for screen "
                 "readers and search (default: front matter lang:)")
      ->type_name("TAG");
  app.add_option("--from", job.from,
                 "what the input is written in: pug, md (a Markdown deck, reveal-md's way) "
                 "or html (a reveal.js page) (default: by its extension, else pug)")
      ->check(CLI::IsMember({"pug", "md", "html"}).description(""))
      ->type_name("pug|md|html");
  app.add_option("--basedir", job.basedir,
                 "folder that `include /x.pug` paths start from; no include or extends may "
                 "leave it (default: the deck's folder)")
      ->type_name("DIR");
  app.add_flag("--no-js", job.no_js,
               "never run the deck's JavaScript: code is reported and left out");
  app.add_option("--js-timeout", job.js_timeout,
                 "seconds the deck's JavaScript may run in all (default 2)")
      ->check(CLI::Range(0.01, 3600.0))
      ->type_name("SECONDS");
  app.add_option("--locals", job.locals,
                 "a JSON file whose keys become variables of the deck's JavaScript")
      ->type_name("FILE.json");
  // Instead of a PDF.
  app.add_option("--dump", o.dump,
                 "print the document instead: html (as pug renders it), json (the deck model) "
                 "or layout (each slide's display list, as text)")
      ->check(CLI::IsMember({"html", "json", "layout"}).description(""))
      ->type_name("html|json|layout");
  app.add_flag("--check", job.check, "read and lay out the deck, report problems, write nothing");
  // Handouts (a bare --handout is made --handout=notes-right before parsing).
  app.add_option("--handout", job.handout,
                 "a handout for printing -> INPUT-handout.pdf, in a layout by name: " +
                     names_list(names.layouts) +
                     " (default notes-right; 3-up is three-up), or a .handout file")
      ->type_name("[LAYOUT]");
  app.add_flag("--notes-only", job.notes_only,
               "the speaker's script: each slide's label, title and notes -> INPUT-notes.pdf");
  app.add_option("--paper", job.paper, "handout paper: A4 or Letter (default: from the locale)")
      ->type_name("A4|Letter");
  app.add_option("--handout-colors", job.handout_colors,
                 "ink (the default): a dark slide is printed on white, its background dropped "
                 "and its colours' lightness turned over (white text black); as-is: as shown")
      ->check(CLI::IsMember({"ink", "as-is"}).description(""))
      ->type_name("ink|as-is");
  app.add_option("--notes-size", job.notes_size,
                 "size of the notes' text in handouts and --notes-only, e.g. 10pt "
                 "(default: the handout layout's)")
      ->type_name("SIZE");
  app.add_flag("--pdfpc", job.pdfpc,
               "also write INPUT.pdfpc beside the PDF: notes for the pdfpc presenter console");
  // Running.
  app.add_flag("--watch", o.watch,
               "export, then export again whenever the deck, a picture or theme it uses changes; "
               "Ctrl-C stops");
  app.add_option("-j,--jobs", o.jobs, "export N inputs at once (default 1)")
      ->check(CLI::Range(1u, 64u).description(""))
      ->type_name("N");
  app.add_flag("-q,--quiet", job.quiet, "print errors only");
  app.add_flag("-v,--verbose", job.verbose, "also print what was written and how long it took");
  app.set_version_flag("--version", std::string("deckpdf ") + DECKPDF_VERSION,
                       "print the version and exit");
  app.set_help_flag("-h,--help", "print this help and exit");
  // Hidden (no group): the build writes deckpdf.1 with it.
  app.add_flag("--man", o.man, "print the man page (roff)")->group("");
}

namespace {

// Progress on a terminal: "talk.pug: 120/400 slides" after a quarter of a second,
// redrawn at most ten times a second, erased when the layout is done.
// (DECKPDF_PROGRESS_DELAY_MS changes the delay, for tests.)
std::function<void(size_t, size_t)> progress_make(const std::string& input) {
  auto started = std::chrono::steady_clock::now();
  std::chrono::milliseconds delay(250);
  if (const char* env = std::getenv("DECKPDF_PROGRESS_DELAY_MS"); env && *env) {
    delay = std::chrono::milliseconds(std::atoi(env));
  }
  auto last = std::make_shared<std::chrono::steady_clock::time_point>();
  auto shown = std::make_shared<bool>(false);
  return [=](size_t done, size_t total) {
    auto now = std::chrono::steady_clock::now();
    if (done == total) {
      if (*shown) std::cerr << "\r\033[K" << std::flush;
      return;
    }
    if (now - started < delay) return;
    if (*shown && now - *last < std::chrono::milliseconds(100)) return;
    *last = now;
    *shown = true;
    std::cerr << "\r\033[K" << (input == "-" ? "<stdin>" : input) << ": " << done << "/" << total
              << " slides laid out" << std::flush;
  };
}

int usage_error(const std::string& message) {
  std::cerr << "deckpdf: error: " << message << "\nRun 'deckpdf --help' for the options.\n";
  return exit_usage;
}

// Runs the jobs, `threads` at a time; returns the highest exit code.
int jobs_run(const std::vector<Job>& jobs, unsigned threads) {
  std::atomic<size_t> next{0};
  std::atomic<int> worst{exit_ok};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      int code = job_run(jobs[i]).exit_code;
      int seen = worst.load();
      while (code > seen && !worst.compare_exchange_weak(seen, code)) {
      }
    }
  };
  threads = std::min<unsigned>(threads, static_cast<unsigned>(jobs.size()));
  // Jobs at once share the cores that each would lay out on.
  layout::ParallelLayout::set_jobs_at_once(std::max(1u, threads));
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    for (std::thread& t : pool) t.join();
  }
  return worst.load();
}

}  // namespace

int cli_main(int argc, char** argv) {
  CLI::App app{"", "deckpdf"};
  Options o;
  std::string data_dir = data_dir_find(argc > 0 ? argv[0] : nullptr);
  Names names = names_find(data_dir + "/layouts");
  options_define(app, o, names);
  // Unknown options are kept (not CLI11's error) to be answered with the
  // nearest known one.
  app.allow_extras();
  try {
    std::vector<std::string> args(argv, argv + argc);
    std::string handout_error;
    if (!handout_args_prepare(args, names, handout_error)) return usage_error(handout_error);
    std::vector<char*> pointers;
    for (std::string& a : args) pointers.push_back(a.data());
    app.parse(static_cast<int>(pointers.size()), pointers.data());
  } catch (const CLI::ParseError& e) {
    if (o.man && dynamic_cast<const CLI::RequiredError*>(&e)) {
      std::cout << man_page(app);
      return exit_ok;
    }
    int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  if (o.man) {
    std::cout << man_page(app);
    return exit_ok;
  }
  for (const std::string& extra : app.remaining()) {
    if (extra != "--") return usage_error(option_unknown_message(app, extra));
  }
  if (std::string error = inputs_named_like_layouts(o.inputs, names); !error.empty()) {
    return usage_error(error);
  }
  if (!o.job.handout.empty() && !layout_is_path(o.job.handout)) {
    if (!layout_known(names, o.job.handout)) {
      return usage_error(layout_unknown_message(names, o.job.handout));
    }
    o.job.handout = layout_alias(o.job.handout);
  }

  // What only makes sense together.
  size_t stdin_inputs = static_cast<size_t>(std::count(o.inputs.begin(), o.inputs.end(), "-"));
  const std::string& out = o.job.output;
  bool writes_pdf = o.dump.empty() && !o.job.check;
  if (stdin_inputs > 1) return usage_error("standard input (-) can be read only once");
  if (stdin_inputs && o.watch) return usage_error("--watch cannot watch standard input");
  if (o.inputs.size() > 1 && writes_pdf && out == "-") {
    return usage_error("-o - writes one PDF to standard output, but there are " +
                       std::to_string(o.inputs.size()) + " inputs");
  }
  if (o.inputs.size() > 1 && writes_pdf && !out.empty() && out.back() != '/') {
    std::error_code ec;
    if (!std::filesystem::is_directory(out, ec)) {
      return usage_error("with several inputs, -o must name a folder (" + out + " is not one)");
    }
  }
  if (writes_pdf && isatty(STDOUT_FILENO) &&
      std::any_of(o.inputs.begin(), o.inputs.end(),
                  [&](const std::string& in) { return output_path(in, out) == "-"; })) {
    return usage_error("not writing a PDF to a terminal: give -o FILE, or redirect the output");
  }

  // One Job per input, each with its own pipeline.
  o.job.mode = o.builds ? Mode::Builds : Mode::Slides;
  o.job.dump = o.dump == "html"     ? Dump::Html
               : o.dump == "json"   ? Dump::Json
               : o.dump == "layout" ? Dump::Layout
                                    : Dump::None;
  o.job.data_dir = data_dir;
  bool show_progress =
      !o.job.quiet && isatty(STDERR_FILENO) && (o.jobs == 1 || o.inputs.size() == 1);
  atomic_write_signals_install();
  std::vector<Job> jobs;
  for (const std::string& input : o.inputs) {
    Job job = o.job;
    job.input = input;
    job.watch = o.watch;
    if (show_progress) job.on_progress = progress_make(input);
    jobs.push_back(std::move(job));
  }
  if (o.watch) return watch_run(jobs);
  return jobs_run(jobs, o.jobs);
}

}  // namespace deckpdf::cli

#include "cli/job.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>

#include "compose/handout.h"
#include "compose/page.h"
#include "deck/deck.h"
#include "dom/node.h"
#include "layout/image.h"
#include "layout/layout.h"
#include "layout/parallel.h"
#include "pdf/writer.h"
#include "pug/parse.h"
#include "source/diagnostic.h"
#include "source/strings.h"
#include "style/style.h"
#include "text/font_set.h"
#include "text/shaper.h"

namespace deckpdf::cli {

namespace fs = std::filesystem;

namespace {

// Bounds instead of crashes (the others: source/ max_source_bytes,
// pug/ max_nesting, layout/ ImageLimits).
constexpr size_t max_slides = 100'000;
constexpr size_t max_notes_bytes = size_t{1} << 20;  // per slide

// Held while a job prints, so that jobs running at once (-j) do not
// interleave their messages and outputs.
std::mutex& print_mutex() {
  static std::mutex m;
  return m;
}

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDERR_FILENO) != 0;
}

void print_diagnostics(std::ostream& err, const Source& source, const Diagnostics& diags,
                       bool quiet) {
  bool color = use_color();
  for (const Diagnostic& d : diags.items()) {
    if (quiet && d.severity != Severity::Error) continue;
    err << diagnostic_format(source, d, color);
  }
  if (diags.dropped() > 0) {
    err << source.path() << ": note: " << diags.dropped() << " more diagnostics not shown\n";
  }
}

// The pictures a deck shows (`img` and slide backgrounds), resolved as
// layout resolves them, for --watch. A picture not found yet is listed
// where it would be, so that creating it triggers a new export.
void files_collect(const dom::Document& doc, const std::string& deck_dir,
                   const std::string& asset_root, std::vector<std::string>& files) {
  std::set<std::string> seen;
  for (const dom::Node& n : doc.nodes) {
    if (n.kind != dom::NodeKind::Element) continue;
    for (const char* name : {"src", "data-background-image", "data-background"}) {
      const std::string* src = n.attr(name);
      if (!src || src->empty() || (std::string_view(name) == "src" && n.tag != "img")) continue;
      layout::ImageInfo info = layout::image_find(*src, deck_dir, asset_root);
      std::string path = info.ok ? info.path : std::string();
      if (path.empty() && src->find(':') == std::string::npos && src->front() != '/') {
        path = (fs::path(deck_dir) / *src).string();
      }
      if (!path.empty() && seen.insert(path).second) files.push_back(path);
    }
  }
}

std::string deck_json(const deck::Deck& d, const dom::Document& doc, const Source& src) {
  std::string o = "{\n  \"title\": \"" + json_escape(d.meta.title) + "\",\n  \"author\": \"" +
                  json_escape(d.meta.author) + "\",\n  \"slides\": [";
  for (size_t i = 0; i < d.slides.size(); ++i) {
    const deck::Slide& s = d.slides[i];
    LineCol lc = src.line_col(s.span.begin);
    o += i ? ",\n" : "\n";
    o += "    {\"index\": " + std::to_string(i + 1) + ", \"h\": " + std::to_string(s.h) +
         ", \"v\": " + std::to_string(s.v) + ", \"label\": \"" + s.label() +
         "\", \"line\": " + std::to_string(lc.line) + ", \"title\": \"" + json_escape(s.title) +
         "\", \"steps\": " + std::to_string(s.step_count) + ",\n     \"notes\": ";
    o += s.notes == dom::no_node ? "null" : "\"" + json_escape(doc.text_content(s.notes)) + "\"";
    o += ",\n     \"fragments\": [";
    for (size_t k = 0; k < s.fragments.size(); ++k) {
      const deck::Fragment& f = s.fragments[k];
      o += k ? ", " : "";
      o += "{\"step\": " + std::to_string(f.step) + ", \"text\": \"" +
           json_escape(doc.text_content(f.node)) + "\"}";
    }
    o += "]}";
  }
  o += "\n  ]\n}\n";
  return o;
}

// reveal.js's `slideNumber`: true or a format ("h.v", "c/t") turns it on.
bool slide_number_on(const std::string& value) {
  return !value.empty() && value != "false" && value != "0" && value != "none" && value != "no";
}

std::string theme_var(const style::Theme& theme, const std::string& name) {
  auto it = theme.vars.find(name);
  return it == theme.vars.end() ? std::string() : it->second;
}

// A theme named by the deck's front matter is as untrusted as the deck: it
// may name a theme in layouts/ or a file inside the deck's folder, nothing
// else (a --theme on the command line may name any file). Returns the name
// or path to load, or "" (with a warning) when the deck's theme is refused.
std::string deck_theme_resolve(const std::string& theme, const std::string& deck_dir, Span span,
                               Diagnostics& diags) {
  auto refuse = [&](const std::string& why) {
    diags.warning(span, "deck.theme-refused",
                  "theme '" + theme + "' " + why + "; using the default theme");
    return std::string();
  };
  for (unsigned char c : theme) {
    if (c < 0x20 || c == 0x7F) return refuse("holds control characters");
  }
  bool is_path = theme.find('/') != std::string::npos ||
                 (theme.size() > 4 && theme.compare(theme.size() - 4, 4, ".css") == 0);
  if (!is_path) return theme;  // a name: layouts/NAME.css
  if (theme.find(':') != std::string::npos)
    return refuse("is a URL, not a file in the deck's folder");
  fs::path rel(theme);
  if (rel.is_absolute()) return refuse("is an absolute path outside the deck's folder");
  std::error_code ec;
  fs::path base = fs::weakly_canonical(fs::absolute(deck_dir, ec), ec);
  fs::path full = fs::weakly_canonical(base / rel, ec);
  if (ec) return refuse("cannot be resolved");
  auto [b, f] = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
  if (b != base.end()) return refuse("leaves the deck's folder");
  return full.string();
}

// With DECKPDF_TIMINGS set, each stage's wall time in ms on stderr, for the
// benchmark's "where the time goes".
class StageClock {
 public:
  StageClock() : on_(std::getenv("DECKPDF_TIMINGS") != nullptr), last_(now()) {}
  void lap(const char* stage) {
    if (!on_) return;
    auto t = now();
    std::fprintf(stderr, "deckpdf: %-8s %8.2f ms\n", stage,
                 std::chrono::duration<double, std::milli>(t - last_).count());
    last_ = t;
  }

 private:
  static std::chrono::steady_clock::time_point now() { return std::chrono::steady_clock::now(); }
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

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

Export export_to_memory(const Source& source, const Job& job) {
  Export r;
  Diagnostics& diags = r.diags;
  auto fail = [&r](int code, std::string error, bool show_diags) {
    r.exit_code = code;
    r.error = std::move(error);
    r.show_diags = show_diags;
    return std::move(r);
  };

  StageClock clock;
  // 1. source: encoding checks, front matter.
  if (!source_check_encoding(source, diags)) return fail(exit_deck, "", true);
  uint32_t body = 0;
  FrontMatter front = source_parse_front_matter(source, diags, body);

  // 2. pug: the element tree, Markdown filters rendered into it.
  dom::Document doc = pug::parse(source, body, diags);
  clock.lap("parse");
  if (job.dump == Dump::Html) {
    r.dump = dom::to_html(doc);
    r.exit_code = diags.has_errors() ? exit_deck : exit_ok;
    return r;
  }

  // 3. deck: slides, notes, fragment steps.
  deck::Deck deck = deck::deck_build(doc, front, diags);
  if (deck.slides.size() > max_slides) {
    diags.error(deck.slides[max_slides].span, "deck.too-many-slides",
                "the deck has " + std::to_string(deck.slides.size()) +
                    " slides, past the limit of " + std::to_string(max_slides) +
                    "; this is the first one past it");
  }
  for (deck::Slide& slide : deck.slides) {
    if (slide.notes == dom::no_node) continue;
    size_t length = doc.text_content(slide.notes).size();
    if (length > max_notes_bytes) {
      diags.warning(doc[slide.notes].span, "deck.notes-too-long",
                    "these notes are " + std::to_string(length >> 10) + " KB, past the limit of " +
                        std::to_string(max_notes_bytes >> 10) + " KB per slide; they are left out");
      slide.notes = dom::no_node;
    }
  }
  if (job.dump == Dump::Json) {
    r.dump = deck_json(deck, doc, source);
    r.exit_code = diags.has_errors() ? exit_deck : exit_ok;
    return r;
  }
  if (deck.slides.empty() && !diags.has_errors()) {
    if (front.present && body >= source.text().size()) {
      diags.error({0, 0}, "deck.no-slides",
                  "the deck has only front matter, no slides: write each slide as a top-level "
                  "`section`");
    } else {
      diags.error({body, body}, "deck.no-slides",
                  "the deck has no slides: write each slide as a top-level `section`");
    }
  }
  // What libharu can hold (4095 entries in a page's XObject dictionary, one
  // per fragment step), with room to spare so that a hostile deck gets a
  // diagnostic within seconds rather than minutes of work. The page limit
  // leaves room for the benchmark's 20,000-slide deck in builds mode
  // (60,000 pages); the writer nests the page tree past 32,767 pages.
  constexpr int max_steps = 1000;      // fragment steps on one slide
  constexpr size_t max_pages = 64000;  // pages in the chosen mode
  size_t page_count = 0;
  for (const deck::Slide& slide : deck.slides) {
    page_count += job.mode == Mode::Builds ? 1 + static_cast<size_t>(slide.step_count) : 1;
    if (slide.step_count > max_steps) {
      diags.error(slide.span, "deck.too-many-steps",
                  "slide " + slide.label() + " has " + std::to_string(slide.step_count) +
                      " fragment steps, past the limit of " + std::to_string(max_steps));
      break;
    }
  }
  if (page_count > max_pages && !diags.has_errors()) {
    diags.error({body, body}, "deck.too-many-pages",
                "the deck would make " + std::to_string(page_count) + " pages, past the limit of " +
                    std::to_string(max_pages));
  }
  if (diags.has_errors()) return fail(exit_deck, "", true);

  clock.lap("deck");
  // 4. style: the theme.
  std::string deck_dir = fs::path(source.path()).parent_path().string();
  if (deck_dir.empty()) deck_dir = ".";
  std::string theme_name = job.theme;
  if (theme_name.empty() && !deck.meta.theme.empty()) {
    theme_name = deck_theme_resolve(deck.meta.theme, deck_dir, front.span, diags);
  }
  if (theme_name.empty()) theme_name = "white";
  if (theme_name.find('/') != std::string::npos || theme_name.ends_with(".css")) {
    r.files.push_back(theme_name);
  }
  files_collect(doc, deck_dir, job.asset_root, r.files);
  std::string theme_error;
  std::optional<style::Theme> theme =
      style::theme_load(job.data_dir + "/layouts", theme_name, theme_error, diags);
  if (!theme) return fail(exit_io, theme_error, true);
  std::string size_text = !job.size.empty() ? job.size : deck.meta.size;
  compose::PageSize page_size;
  if (!size_text.empty() && !compose::page_size_parse(size_text, page_size)) {
    return fail(exit_usage, "size '" + size_text + "' is not 16:9, 4:3 or WIDTHxHEIGHT", false);
  }

  // 5. text: the bundled fonts.
  text::FontSet fonts;
  std::string font_error;
  if (!fonts.load_dir(job.data_dir + "/fonts", font_error)) {
    return fail(exit_io, font_error, false);
  }
  text::Shaper shaper(fonts);
  clock.lap("fonts");

  // 6. layout: one display list per selected slide (and its number).
  compose::Options options;
  if (!job.slides.empty()) {
    std::string range_error;
    if (!compose::slides_parse(job.slides, deck.slides.size(), options.slides, range_error)) {
      return fail(exit_usage, range_error, true);
    }
  }
  style::Resolver resolver(*theme, doc, diags);
  layout::Context ctx{doc, resolver, shaper, diags};
  ctx.deck_dir = deck_dir;
  ctx.asset_root = job.asset_root;
  ctx.page_aspect = page_size.width / page_size.height;
  std::vector<layout::DisplayList> lists(deck.slides.size());
  std::vector<layout::DisplayList> numbers;
  bool want_numbers = job.slide_numbers || slide_number_on(deck.meta.slide_number) ||
                      slide_number_on(theme_var(*theme, "--slide-number"));
  if (want_numbers) numbers.resize(deck.slides.size());
  std::vector<size_t> selected;
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    if (options.slides.empty() ||
        std::binary_search(options.slides.begin(), options.slides.end(), i)) {
      selected.push_back(i);
    }
  }
  // Slides are laid out on every core (DECKPDF_LAYOUT_THREADS=N sets how
  // many threads, 1 none); the result, lists and diagnostics, is that of
  // laying them out one after the other (layout/parallel.h).
  auto lay_out = [&](layout::Context& c, size_t k) {
    size_t i = selected[k];
    lists[i] = layout::layout_slide(c, deck.slides[i], static_cast<int>(i + 1));
    if (want_numbers) {
      numbers[i] =
          layout::layout_slide_number(c, deck.slides[i].label(), lists[i].width, lists[i].height);
    }
  };
  std::function<void(size_t)> progress;
  if (job.on_progress) {
    progress = [&](size_t done) {
      if (done < selected.size()) job.on_progress(done, deck.slides.size());
    };
  }
  layout::ParallelLayout slides_work(ctx, selected.size(),
                                     layout::ParallelLayout::threads_for(selected.size()), lay_out,
                                     progress);
  for (size_t k = 0; k < selected.size(); ++k) {
    slides_work.take(k);
    if (job.on_progress && (slides_work.threads() == 1 || k + 1 == selected.size())) {
      job.on_progress(selected[k] + 1, deck.slides.size());
    }
  }
  if (want_numbers) options.numbers = &numbers;
  clock.lap("layout");
  if (diags.has_errors()) return fail(exit_deck, "", true);
  if (job.check) return r;

  // 7. compose: pages for the mode.
  std::vector<compose::Page> pages;
  compose::Handout handout;  // what handout pages show besides the slides; outlives `pages`
  if (!job.handout.empty() || job.notes_only) {
    std::string error;
    std::optional<compose::HandoutLayout> handout_layout = compose::handout_layout_load(
        job.data_dir + "/layouts", job.handout.empty() ? "notes-right" : job.handout, error);
    if (!handout_layout) return fail(exit_usage, error, true);
    std::optional<style::Theme> notes_theme =
        style::theme_load(job.data_dir + "/layouts", "notes", error, diags);
    if (!notes_theme) return fail(exit_io, error, true);
    compose::HandoutOptions ho;
    ho.paper = compose::paper_from_locale(std::getenv("LC_ALL"), std::getenv("LC_PAPER"),
                                          std::getenv("LANG"));
    if (!job.paper.empty() && !compose::paper_parse(job.paper, ho.paper)) {
      return fail(exit_usage, "--paper: '" + job.paper + "' is not A4 or Letter", false);
    }
    ho.title = deck.meta.title;
    ho.slides = options.slides;
    ho.notes_only = job.notes_only;
    // Bare URLs in notes are links (markdown-it's linkify, on for notes).
    for (const deck::Slide& slide : deck.slides) compose::notes_linkify(doc, slide.notes);
    compose::NotesContext nc{doc, *notes_theme, shaper, diags};
    nc.deck_dir = deck_dir;
    handout = compose::compose_handout(deck, lists, *handout_layout, nc, ho);
    pages = std::move(handout.pages);
  } else {
    pages = job.mode == Mode::Builds ? compose::compose_builds(deck, lists, page_size, options)
                                     : compose::compose_slides(deck, lists, page_size, options);
  }
  if (job.pdfpc) r.pdfpc = compose::pdfpc_json(deck, doc, pages);
  clock.lap("compose");

  // 8. pdf: the bytes.
  pdf::DocInfo info;
  info.title = deck.meta.title;
  info.author = deck.meta.author;
  info.subject = deck.meta.subject;
  info.keywords = deck.meta.keywords;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    info.date = std::strtoll(epoch, nullptr, 10);
  } else {
    info.date = static_cast<int64_t>(std::time(nullptr));
  }
  std::string pdf_error;
  if (!pdf::pdf_render(pages, fonts, info, r.pdf, pdf_error)) {
    r.pdf.clear();
    return fail(exit_io, pdf_error, true);
  }
  r.pages = pages.size();
  clock.lap("pdf");
  return r;
}

std::string output_path(const std::string& input, const std::string& output,
                        const std::string& suffix) {
  if (output == "-" || (output.empty() && input == "-")) return "-";
  fs::path name = input == "-" ? fs::path("stdin") : fs::path(input);
  name.replace_extension();
  name += suffix + ".pdf";
  if (output.empty()) return name.string();
  std::error_code ec;
  if (output.back() == '/' || fs::is_directory(output, ec)) {
    return (fs::path(output) / name.filename()).string();
  }
  if (suffix.empty()) return output;
  fs::path p(output);  // -o talk.pdf --handout: talk-handout.pdf beside it
  fs::path ext = p.extension();
  p.replace_extension();
  p += suffix;
  p += ext.empty() ? fs::path(".pdf") : ext;
  return p.string();
}

namespace {

// Writes one output: atomically into a file, or to stdout. Returns an exit
// code; errors go to `err`.
int output_write(const Job& job, const std::string& path, const std::string& bytes, size_t pages,
                 std::ostream& err) {
  if (path == "-") {
    std::lock_guard<std::mutex> lock(print_mutex());
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) {
      err << "deckpdf: error: cannot write the PDF to standard output: " << std::strerror(errno)
          << "\n";
      return exit_io;
    }
    return exit_ok;
  }
  std::string write_error;
  if (!pdf::file_write_atomic(path, bytes, write_error)) {
    err << "deckpdf: error: " << write_error << "\n";
    return exit_io;
  }
  if (job.verbose || (!job.quiet && isatty(STDERR_FILENO))) {
    err << "wrote " << path << " (" << pages << " pages, " << bytes.size() << " bytes)\n";
  }
  return exit_ok;
}

}  // namespace

JobResult job_run(const Job& job) {
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

  // The deck's bytes; everything up to the PDF's bytes is export_to_memory.
  std::string read_error;
  ReadFailure failure = ReadFailure::None;
  if (job.input != "-") result.files.push_back(job.input);
  std::optional<Source> source = source_read_file(job.input, read_error, &failure);
  if (!source) {
    err << "deckpdf: error: " << read_error << "\n";
    return finish(failure == ReadFailure::TooLarge ? exit_deck : exit_io);
  }

  // The products of the run, each its own export of the same deck: the
  // slides (or builds), a handout, the notes. `--builds --handout` makes
  // both talk.pdf and talk-handout.pdf; `--handout` alone only the handout.
  struct Product {
    Job job;
    std::string suffix;  // before .pdf: "-handout"
    Export r;
  };
  std::vector<Product> products;
  bool handout = !job.handout.empty(), notes = job.notes_only;
  if ((!handout && !notes) || job.mode == Mode::Builds || job.dump != Dump::None) {
    Product p{job, "", {}};
    p.job.handout.clear();
    p.job.notes_only = false;
    products.push_back(std::move(p));
  }
  if (job.dump == Dump::None && handout) {
    Product p{job, "-handout", {}};
    p.job.notes_only = false;
    products.push_back(std::move(p));
  }
  if (job.dump == Dump::None && notes) {
    Product p{job, "-notes", {}};
    p.job.handout.clear();
    products.push_back(std::move(p));
  }
  // -o FILE names the first product; the others go beside it with their
  // suffix (out.pdf, out-handout.pdf). A folder or the default: all suffixed.
  std::error_code dir_ec;
  bool output_is_file = !job.output.empty() && job.output != "-" && job.output.back() != '/' &&
                        !fs::is_directory(job.output, dir_ec);
  if (output_is_file) products.front().suffix.clear();
  if (products.size() > 1 && output_path(job.input, job.output) == "-" && !job.check) {
    err << "deckpdf: error: standard output takes one PDF; this run makes " << products.size()
        << " (give -o FILE or -o DIR)\n";
    return finish(exit_usage);
  }

  int code = exit_ok;
  std::set<std::string> printed;  // diagnostics the products share, printed once
  for (Product& p : products) {
    p.r = export_to_memory(*source, p.job);
    Export& r = p.r;
    if (&p == &products.front()) {
      result.files.insert(result.files.end(), r.files.begin(), r.files.end());
    }
    std::ostringstream diags;
    if (r.show_diags) {
      print_diagnostics(diags, *source, r.diags, job.quiet);
    } else {  // the theme's warnings still (they point into its own file)
      Diagnostics theme_diags;
      for (const Diagnostic& d : r.diags.items()) {
        if (d.file) theme_diags.add(d);
      }
      print_diagnostics(diags, *source, theme_diags, job.quiet);
    }
    if (!r.error.empty()) diags << "deckpdf: error: " << r.error << "\n";
    if (printed.insert(diags.str()).second) err << diags.str();
    if (job.dump != Dump::None) {
      std::lock_guard<std::mutex> lock(print_mutex());
      std::cout << r.dump << std::flush;
    }
    code = std::max(code, r.exit_code);
    if (r.exit_code != exit_ok) break;
  }
  if (job.dump != Dump::None || code != exit_ok || job.check) return finish(code);

  // The files, atomically, only once every product was made.
  for (Product& p : products) {
    std::string path = output_path(job.input, job.output, p.suffix);
    code = output_write(job, path, p.r.pdf, p.r.pages, err);
    if (code != exit_ok) break;
    if (job.pdfpc && path != "-" && &p == &products.front()) {
      // talk.pdfpc beside talk.pdf, as pdfpc looks for it.
      std::string pdfpc_path = fs::path(path).replace_extension(".pdfpc").string();
      std::string write_error;
      if (!pdf::file_write_atomic(pdfpc_path, p.r.pdfpc, write_error)) {
        err << "deckpdf: error: " << write_error << "\n";
        code = exit_io;
        break;
      }
      if (job.verbose) err << "wrote " << pdfpc_path << "\n";
    }
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

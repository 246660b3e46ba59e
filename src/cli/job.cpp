#include "cli/job.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "compose/page.h"
#include "deck/deck.h"
#include "dom/node.h"
#include "layout/layout.h"
#include "pdf/writer.h"
#include "pug/parse.h"
#include "source/diagnostic.h"
#include "style/style.h"
#include "text/font_set.h"
#include "text/shaper.h"

namespace deckpdf::cli {

namespace fs = std::filesystem;

namespace {

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDERR_FILENO) != 0;
}

void print_diagnostics(const Source& source, const Diagnostics& diags, bool quiet) {
  bool color = use_color();
  for (const Diagnostic& d : diags.items()) {
    if (quiet && d.severity != Severity::Error) continue;
    std::cerr << diagnostic_format(source, d, color);
  }
  if (diags.dropped() > 0) {
    std::cerr << source.path() << ": note: " << diags.dropped()
              << " more diagnostics not shown\n";
  }
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out;
}

std::string deck_json(const deck::Deck& d, const dom::Document& doc, const Source& src) {
  std::string o = "{\n  \"title\": \"" + json_escape(d.meta.title) + "\",\n  \"author\": \"" +
                  json_escape(d.meta.author) + "\",\n  \"slides\": [";
  for (size_t i = 0; i < d.slides.size(); ++i) {
    const deck::Slide& s = d.slides[i];
    LineCol lc = src.line_col(s.span.begin);
    o += i ? ",\n" : "\n";
    o += "    {\"index\": " + std::to_string(i + 1) + ", \"h\": " + std::to_string(s.h) +
         ", \"v\": " + std::to_string(s.v) + ", \"label\": \"" + s.label() + "\", \"line\": " +
         std::to_string(lc.line) + ", \"title\": \"" + json_escape(s.title) +
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
  if (theme.find(':') != std::string::npos) return refuse("is a URL, not a file in the deck's folder");
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

  // 1. source: encoding checks, front matter.
  if (!source_check_encoding(source, diags)) return fail(exit_deck, "", true);
  uint32_t body = 0;
  FrontMatter front = source_parse_front_matter(source, diags, body);

  // 2. pug: the element tree, Markdown filters rendered into it.
  dom::Document doc = pug::parse(source, body, diags);
  if (job.dump == Dump::Html) {
    r.dump = dom::to_html(doc);
    r.exit_code = diags.has_errors() ? exit_deck : exit_ok;
    return r;
  }

  // 3. deck: slides, notes, fragment steps.
  deck::Deck deck = deck::deck_build(doc, front, diags);
  if (job.dump == Dump::Json) {
    r.dump = deck_json(deck, doc, source);
    r.exit_code = diags.has_errors() ? exit_deck : exit_ok;
    return r;
  }
  if (deck.slides.empty() && !diags.has_errors()) {
    diags.error({body, body}, "deck.no-slides",
                "the deck has no slides: write each slide as a top-level `section`");
  }
  if (diags.has_errors()) return fail(exit_deck, "", true);

  // 4. style: the theme.
  std::string deck_dir = fs::path(source.path()).parent_path().string();
  if (deck_dir.empty()) deck_dir = ".";
  std::string theme_name = job.theme;
  if (theme_name.empty() && !deck.meta.theme.empty()) {
    theme_name = deck_theme_resolve(deck.meta.theme, deck_dir, front.span, diags);
  }
  if (theme_name.empty()) theme_name = "white";
  std::string theme_error;
  std::optional<style::Theme> theme =
      style::theme_load(job.data_dir + "/layouts", theme_name, theme_error, r.theme_warnings);
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
  ctx.page_aspect = page_size.width / page_size.height;
  std::vector<layout::DisplayList> lists(deck.slides.size());
  std::vector<layout::DisplayList> numbers;
  bool want_numbers = job.slide_numbers || slide_number_on(deck.meta.slide_number) ||
                      slide_number_on(theme_var(*theme, "--slide-number"));
  if (want_numbers) numbers.resize(deck.slides.size());
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    if (!options.slides.empty() &&
        !std::binary_search(options.slides.begin(), options.slides.end(), i)) {
      continue;
    }
    lists[i] = layout::layout_slide(ctx, deck.slides[i], static_cast<int>(i + 1));
    if (want_numbers) {
      numbers[i] =
          layout::layout_slide_number(ctx, deck.slides[i].label(), lists[i].width, lists[i].height);
    }
  }
  if (want_numbers) options.numbers = &numbers;
  if (diags.has_errors()) return fail(exit_deck, "", true);
  if (job.check) return r;

  // 7. compose: pages for the mode.
  std::vector<compose::Page> pages = job.mode == Mode::Builds
                                         ? compose::compose_builds(deck, lists, page_size, options)
                                         : compose::compose_slides(deck, lists, page_size, options);

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
  return r;
}

int job_run(const Job& job) {
  // The deck's bytes; everything up to the PDF's bytes is export_to_memory.
  std::string read_error;
  std::optional<Source> source = source_read_file(job.input, read_error);
  if (!source) {
    std::cerr << "deckpdf: error: " << read_error << "\n";
    return exit_io;
  }
  Export r = export_to_memory(*source, job);
  if (!job.quiet) {
    for (const auto& w : r.theme_warnings) std::cerr << w << "\n";
  }
  if (r.show_diags) print_diagnostics(*source, r.diags, job.quiet);
  if (!r.error.empty()) std::cerr << "deckpdf: error: " << r.error << "\n";
  if (job.dump != Dump::None) {
    std::cout << r.dump;
    return r.exit_code;
  }
  if (r.exit_code != exit_ok || job.check) return r.exit_code;

  // The file, atomically.
  std::string output = job.output;
  if (output.empty()) {
    fs::path p(job.input);
    p.replace_extension(".pdf");
    output = p.string();
  }
  if (output == "-") {
    std::cout.write(r.pdf.data(), static_cast<std::streamsize>(r.pdf.size()));
    return std::cout ? exit_ok : exit_io;
  }
  std::string write_error;
  if (!pdf::file_write_atomic(output, r.pdf, write_error)) {
    std::cerr << "deckpdf: error: " << write_error << "\n";
    return exit_io;
  }
  if (!job.quiet && isatty(STDERR_FILENO)) {
    std::cerr << "wrote " << output << " (" << r.pages << " pages, " << r.pdf.size()
              << " bytes)\n";
  }
  return exit_ok;
}

}  // namespace deckpdf::cli

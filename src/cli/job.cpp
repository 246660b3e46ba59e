#include "cli/job.h"

#include <unistd.h>

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

int job_run(const Job& job) {
  // 1. source: bytes, encoding checks, front matter.
  std::string read_error;
  std::optional<Source> source = source_read_file(job.input, read_error);
  if (!source) {
    std::cerr << "deckpdf: error: " << read_error << "\n";
    return exit_io;
  }
  Diagnostics diags;
  if (!source_check_encoding(*source, diags)) {
    print_diagnostics(*source, diags, job.quiet);
    return exit_deck;
  }
  uint32_t body = 0;
  FrontMatter front = source_parse_front_matter(*source, diags, body);

  // 2. pug: the element tree, Markdown filters rendered into it.
  dom::Document doc = pug::parse(*source, body, diags);
  if (job.dump == Dump::Html) {
    print_diagnostics(*source, diags, job.quiet);
    std::cout << dom::to_html(doc);
    return diags.has_errors() ? exit_deck : exit_ok;
  }

  // 3. deck: slides, notes, fragment steps.
  deck::Deck deck = deck::deck_build(doc, front, diags);
  if (job.dump == Dump::Json) {
    print_diagnostics(*source, diags, job.quiet);
    std::cout << deck_json(deck, doc, *source);
    return diags.has_errors() ? exit_deck : exit_ok;
  }
  if (deck.slides.empty() && !diags.has_errors()) {
    diags.error({body, body}, "deck.no-slides",
                "the deck has no slides: write each slide as a top-level `section`");
  }
  if (diags.has_errors()) {
    print_diagnostics(*source, diags, job.quiet);
    return exit_deck;
  }

  // 4. style: the theme.
  std::string theme_name = !job.theme.empty() ? job.theme : deck.meta.theme;
  if (theme_name.empty()) theme_name = "white";
  std::string theme_error;
  std::vector<std::string> theme_warnings;
  std::optional<style::Theme> theme =
      style::theme_load(job.data_dir + "/layouts", theme_name, theme_error, theme_warnings);
  if (!job.quiet) {
    for (const auto& w : theme_warnings) std::cerr << w << "\n";
  }
  if (!theme) {
    print_diagnostics(*source, diags, job.quiet);
    std::cerr << "deckpdf: error: " << theme_error << "\n";
    return exit_io;
  }
  std::string size_text = !job.size.empty() ? job.size : deck.meta.size;
  compose::PageSize page_size;
  if (!size_text.empty() && !compose::page_size_parse(size_text, page_size)) {
    std::cerr << "deckpdf: error: size '" << size_text
              << "' is not 16:9, 4:3 or WIDTHxHEIGHT\n";
    return exit_usage;
  }

  // 5. text: the bundled fonts.
  text::FontSet fonts;
  std::string font_error;
  if (!fonts.load_dir(job.data_dir + "/fonts", font_error)) {
    std::cerr << "deckpdf: error: " << font_error << "\n";
    return exit_io;
  }
  text::Shaper shaper(fonts);

  // 6. layout: one display list per slide.
  style::Resolver resolver(*theme, doc, diags);
  layout::Context ctx{doc, resolver, shaper, diags};
  std::vector<layout::DisplayList> lists;
  lists.reserve(deck.slides.size());
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    lists.push_back(layout::layout_slide(ctx, deck.slides[i], static_cast<int>(i + 1)));
  }
  print_diagnostics(*source, diags, job.quiet);
  if (diags.has_errors()) return exit_deck;
  if (job.check) return exit_ok;

  // 7. compose: pages for the mode.
  std::vector<compose::Page> pages = job.mode == Mode::Builds
                                         ? compose::compose_builds(deck, lists, page_size)
                                         : compose::compose_slides(deck, lists, page_size);

  // 8. pdf: bytes, then the file, atomically.
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
  std::string bytes, pdf_error;
  if (!pdf::pdf_render(pages, fonts, info, bytes, pdf_error)) {
    std::cerr << "deckpdf: error: " << pdf_error << "\n";
    return exit_io;
  }
  std::string output = job.output;
  if (output.empty()) {
    fs::path p(job.input);
    p.replace_extension(".pdf");
    output = p.string();
  }
  if (output == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return std::cout ? exit_ok : exit_io;
  }
  std::string write_error;
  if (!pdf::file_write_atomic(output, bytes, write_error)) {
    std::cerr << "deckpdf: error: " << write_error << "\n";
    return exit_io;
  }
  if (!job.quiet && isatty(STDERR_FILENO)) {
    std::cerr << "wrote " << output << " (" << pages.size() << " pages, " << bytes.size()
              << " bytes)\n";
  }
  return exit_ok;
}

}  // namespace deckpdf::cli

// cli/pipeline — the stages of one export (see pipeline.h), in the order
// export.cpp calls them.
#include "cli/pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <limits>
#include <set>

#include "compose/pdfpc.h"
#include "compose/slide_range.h"
#include "deck/reveal_config.h"
#include "dom/html_page.h"
#include "highlight/code_blocks.h"
#include "layout/dump.h"
#include "layout/image.h"
#include "layout/layout.h"
#include "layout/notes.h"
#include "layout/parallel.h"
#include "markdown/linkify.h"
#include "markdown/md_deck.h"
#include "markdown/reveal_plugin.h"
#include "math/find.h"
#include "math/typeset.h"
#include "pdf/writer.h"
#include "pug/parse.h"
#include "source/files.h"
#include "source/language.h"
#include "source/nearest.h"
#include "source/strings.h"
#include "style/contrast.h"
#include "style/deck_css.h"

namespace deckpdf::cli {

namespace fs = std::filesystem;

namespace {

// Bounds instead of crashes (the others: source/ max_source_bytes,
// pug/ max_nesting, image/ Limits and Cache).
constexpr size_t max_slides = 100'000;
constexpr size_t max_notes_bytes = size_t{1} << 20;  // per slide

// The pictures a deck shows (`img` and slide backgrounds), resolved as
// layout resolves them, for --watch. A picture not found yet is listed
// where it would be, so that creating it triggers a new export.
void files_collect(const dom::Document& doc, const std::string& deck_dir,
                   const std::string& asset_root, std::vector<std::string>& files) {
  std::set<std::string> seen;
  for (const dom::Node& n : doc.nodes) {
    if (n.kind != dom::NodeKind::Element) continue;
    for (const char* name : {"src", "data-src", "data-background-image", "data-background"}) {
      const std::string* src = n.attr(name);
      bool own = std::string_view(name).ends_with("src");
      if (!src || src->empty() || (own && n.tag != "img")) continue;
      layout::ImageInfo info = layout::image_resolve(*src, deck_dir, asset_root);
      std::string path = info.ok ? info.path : std::string();
      if (path.empty() && src->find(':') == std::string::npos && src->front() != '/') {
        path = (fs::path(deck_dir) / *src).string();
      }
      if (!path.empty() && seen.insert(path).second) files.push_back(path);
    }
  }
}

std::string deck_json(const deck::Deck& d, const dom::Document& doc, const Source& src,
                      const SourceSet& sources) {
  std::string o = "{\n  \"title\": \"" + json_escape(d.meta.title) + "\",\n  \"author\": \"" +
                  json_escape(d.meta.author) + "\",\n  \"slides\": [";
  for (size_t i = 0; i < d.slides.size(); ++i) {
    const deck::Slide& s = d.slides[i];
    LineCol lc = sources.line_col(src, s.span.begin);
    o += i ? ",\n" : "\n";
    o += "    {\"index\": " + std::to_string(i + 1) + ", \"h\": " + std::to_string(s.h) +
         ", \"v\": " + std::to_string(s.v) + ", \"label\": \"" + s.label() +
         "\", \"line\": " + std::to_string(lc.line) + ", \"title\": \"" + json_escape(s.title) +
         "\", \"steps\": " + std::to_string(s.step_count) + ",\n     \"notes\": ";
    o += s.notes == dom::no_node ? "null" : "\"" + json_escape(doc.text_content(s.notes)) + "\"";
    o += ",\n     \"fragments\": [";
    for (size_t k = 0; k < s.fragments.size(); ++k) {
      const deck::Fragment& f = s.fragments[k];
      // A line-highlight step's copy shows its block's text.
      auto copy = s.code_step_copies.find(f.node);
      const dom::NodeId shown = copy != s.code_step_copies.end() ? copy->second : f.node;
      o += k ? ", " : "";
      o += "{\"step\": " + std::to_string(f.step) + ", \"text\": \"" +
           json_escape(doc.text_content(shown)) + "\"}";
    }
    o += "]}";
  }
  o += "\n  ]\n}\n";
  return o;
}

// What the deck's JavaScript gets as the time: SOURCE_DATE_EPOCH (as the
// PDF's date), else the deck's modification time, else 0; the same deck
// gives the same bytes.
int64_t deck_time_ms(const std::string& path) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    return static_cast<int64_t>(std::strtoll(epoch, nullptr, 10)) * 1000;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return static_cast<int64_t>(st.st_mtime) * 1000;
}

// What the input is written in: --from, else its extension, else Pug.
std::string input_format(const std::string& from, const std::string& path) {
  if (!from.empty()) return from;
  std::string ext = ascii_lower(fs::path(path).extension().string());
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".html" || ext == ".htm") return "html";
  return "pug";
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
  if (fs::path(theme).is_absolute()) {
    return refuse("is an absolute path outside the deck's folder");
  }
  std::optional<fs::path> full = path_resolve_inside(deck_dir, theme);
  if (!full) return refuse("leaves the deck's folder");
  return full->string();
}

}  // namespace

Pipeline::Pipeline(const Source& source, const Job& job, Export& r)
    : source_(source), job_(job), r_(r), diags_(r.diags) {}

Pipeline::~Pipeline() = default;

bool Pipeline::fail(int code, std::string error, bool show_diags) {
  r_.exit_code = code;
  r_.error = std::move(error);
  r_.show_diags = show_diags;
  r_.outputs.clear();
  return false;
}

bool Pipeline::read_check() {
  if (!source_check_encoding(source_, diags_)) return fail(exit_deck, "", true);
  front_ = source_parse_front_matter(source_, diags_, body_);
  return true;
}

bool Pipeline::parse() {
  r_.sources = SourceSet(static_cast<uint32_t>(source_.text().size()));
  pug::ParseOptions options;
  options.basedir = job_.basedir;
  options.run_js = !job_.no_js;
  options.js.seconds = job_.js_timeout;
  options.js.now_ms = deck_time_ms(source_.path());
  options.js.front_locals_json = front_.locals_json;
  if (!job_.locals.empty()) {
    std::optional<std::string> json = file_read_all(job_.locals, size_t{16} << 20);
    if (!json) {
      return fail(exit_io, "cannot read --locals file '" + job_.locals + "'", false);
    }
    options.js.locals_json = std::move(*json);
  }
  std::string from = input_format(job_.from, source_.path());
  if (from == "md") {
    // reveal-md's default theme, unless the deck or --theme names one.
    if (!front_.get("theme")) front_.values["theme"] = markdown::reveal_md_theme;
    doc_ = markdown::markdown_deck(source_, body_, front_, r_.sources, diags_);
  } else if (from == "html") {
    html_page_read();
  } else {
    doc_ = pug::parse(source_, body_, diags_, options, &r_.sources);
    pug_page_config_read();
  }
  // reveal.js's markdown plugin runs in the page before reveal.js reads it.
  if (markdown::has_markdown_slides(doc_)) {
    std::string dir = fs::path(source_.path()).parent_path().string();
    markdown::reveal_markdown(doc_, source_, r_.sources, dir.empty() ? "." : dir, diags_);
  }
  for (std::string& path : r_.sources.paths()) r_.files.push_back(std::move(path));
  return true;
}

// An HTML deck: the page's slides, its title and language, and what its
// Reveal.initialize({...}) says of the print, as the front matter would.
void Pipeline::html_page_read() {
  dom::HtmlPage page = dom::html_page_read(source_, body_, diags_);
  doc_ = std::move(page.doc);
  auto set = [&](const char* key, const std::string& value) {
    if (!front_.get(key)) front_.values[key] = value;
  };
  if (!page.title.empty()) set("title", page.title);
  // <html lang>, when it is a tag (a page's lang="" or "en_US" says nothing).
  if (language_tag_well_formed(page.lang)) set("lang", page.lang);
  for (const dom::HtmlPage::Script& script : page.scripts) {
    deck::RevealConfig config = deck::reveal_config_read(script.text, script.at, diags_);
    if (!config.found) continue;
    reveal_config_apply(config);
    break;
  }
}

void Pipeline::reveal_config_apply(const deck::RevealConfig& config) {
  auto set = [&](const char* key, const std::string& value) {
    if (!front_.get(key)) front_.values[key] = value;
  };
  if (config.width && config.height) {
    slide_width_ = static_cast<float>(*config.width);
    slide_height_ = static_cast<float>(*config.height);
    set("size", std::to_string(static_cast<int>(*config.width)) + "x" +
                    std::to_string(static_cast<int>(*config.height)));
  }
  if (config.slide_number) set("slideNumber", *config.slide_number);
  if (config.center) set("center", *config.center ? "true" : "false");
}

// The first script whose text calls Reveal.initialize({...}). A script's
// text comes from Pug lines with their indentation taken off, so offsets in
// it do not map back to the deck's bytes: what the reading warns of points
// at the script element instead.
void Pipeline::pug_page_config_read() {
  for (dom::NodeId id = 0; id < doc_.nodes.size(); ++id) {
    const dom::Node& n = doc_.nodes[id];
    if (n.kind != dom::NodeKind::Element || n.tag != "script" || !doc_.attached(id)) continue;
    std::string text;
    for (dom::NodeId c : n.children) {
      if (doc_[c].kind == dom::NodeKind::Text) text += doc_[c].text;
    }
    if (text.find("Reveal.initialize") == std::string::npos) continue;
    Diagnostics local;
    deck::RevealConfig config = deck::reveal_config_read(text, 0, local);
    if (!config.found) continue;
    for (const Diagnostic& d : local.items()) diags_.warning(n.span, d.code, d.message);
    reveal_config_apply(config);
    return;
  }
}

void Pipeline::dump_html() {
  r_.dump = dom::to_html(doc_);
  r_.exit_code = diags_.has_errors() ? exit_deck : exit_ok;
}

void Pipeline::deck_build() {
  // reveal.js's highlight plugin runs on the page before reveal.js reads it.
  code_blocks_ = highlight::highlight_code_blocks(
      doc_, job_.data_dir + "/layouts/highlight", diags_,
      layout::ParallelLayout::threads_for(std::numeric_limits<size_t>::max()));
  deck::data_notes_apply(doc_);
  // The math plugin's typesetting, which also runs before reveal.js reads the slides.
  formulas_ = math::find_formulas(doc_, diags_);
  deck_ = deck::deck_build(doc_, front_, diags_);
  if (deck_.slides.size() > max_slides) {
    diags_.error(deck_.slides[max_slides].span, "deck.too-many-slides",
                 "the deck has " + std::to_string(deck_.slides.size()) +
                     " slides, past the limit of " + std::to_string(max_slides) +
                     "; this is the first one past it");
  }
  for (deck::Slide& slide : deck_.slides) {
    if (slide.notes == dom::no_node) continue;
    size_t length = doc_.text_content(slide.notes).size();
    if (length > max_notes_bytes) {
      diags_.warning(doc_[slide.notes].span, "deck.notes-too-long",
                     "these notes are " + std::to_string(length >> 10) + " KB, past the limit of " +
                         std::to_string(max_notes_bytes >> 10) +
                         " KB per slide; they are left out");
      slide.notes = dom::no_node;
    }
  }
}

void Pipeline::dump_json() {
  r_.dump = deck_json(deck_, doc_, source_, r_.sources);
  r_.exit_code = diags_.has_errors() ? exit_deck : exit_ok;
}

bool Pipeline::deck_limits() {
  if (deck_.slides.empty() && !diags_.has_errors()) {
    if (front_.present && body_ >= source_.text().size()) {
      diags_.error({0, 0}, "deck.no-slides",
                   "the deck has only front matter, no slides: write each slide as a top-level "
                   "`section`");
    } else {
      diags_.error({body_, body_}, "deck.no-slides",
                   "the deck has no slides: write each slide as a top-level `section`");
    }
  }
  // What libharu can hold (4095 entries in a page's XObject dictionary, one
  // per fragment step), with room to spare so that a hostile deck gets a
  // diagnostic within seconds rather than minutes of work. The page limit
  // leaves room for the benchmark's 20,000-slide deck in builds mode
  // (60,000 pages); the writer nests the page tree past 32,767 pages.
  // Fragments sharing steps cost no pages but a tag, a layer and their
  // effects each; reveal.js decks have tens per slide.
  constexpr int max_steps = 1000;           // fragment steps on one slide
  constexpr size_t max_fragments = 10'000;  // fragments on one slide
  constexpr size_t max_pages = 64000;       // pages in the chosen mode
  size_t page_count = 0;
  for (const deck::Slide& slide : deck_.slides) {
    page_count += job_.mode == Mode::Builds ? 1 + static_cast<size_t>(slide.step_count) : 1;
    if (slide.step_count > max_steps) {
      diags_.error(slide.span, "deck.too-many-steps",
                   "slide " + slide.label() + " has " + std::to_string(slide.step_count) +
                       " fragment steps, past the limit of " + std::to_string(max_steps));
      break;
    }
    if (slide.fragments.size() > max_fragments) {
      diags_.error(doc_[slide.fragments[max_fragments].node].span, "deck.too-many-fragments",
                   "slide " + slide.label() + " has " + std::to_string(slide.fragments.size()) +
                       " fragments, past the limit of " + std::to_string(max_fragments) +
                       " per slide; this is the first one past it");
      break;
    }
  }
  if (page_count > max_pages && !diags_.has_errors()) {
    diags_.error({body_, body_}, "deck.too-many-pages",
                 "the deck would make " + std::to_string(page_count) +
                     " pages, past the limit of " + std::to_string(max_pages));
  }
  if (diags_.has_errors()) return fail(exit_deck, "", true);
  return true;
}

bool Pipeline::theme_load() {
  deck_dir_ = fs::path(source_.path()).parent_path().string();
  if (deck_dir_.empty()) deck_dir_ = ".";
  std::string theme_name = job_.theme;
  if (theme_name.empty() && !deck_.meta.theme.empty()) {
    theme_name = deck_theme_resolve(deck_.meta.theme, deck_dir_, front_.span, diags_);
  }
  std::vector<std::string> themes = style::theme_names(job_.data_dir + "/layouts");
  // Else the reveal.js theme the deck links (.../theme/moon.css).
  if (theme_name.empty()) theme_name = style::linked_theme(doc_, themes);
  if (theme_name.empty()) theme_name = "white";
  // (A theme file is watched even when missing: creating it exports again.)
  if (style::theme_is_path(theme_name)) r_.files.push_back(theme_name);
  if (!theme_unknown_check(theme_name)) theme_name = "white";
  files_collect(doc_, deck_dir_, job_.asset_root, r_.files);
  std::string theme_error;
  theme_ = style::theme_load(job_.data_dir + "/layouts", theme_name, theme_error, r_.diags);
  if (!theme_) return fail(exit_io, theme_error, true);
  if (slide_width_ > 0) {  // an HTML deck's Reveal.initialize({width, height})
    theme_->slide_width = slide_width_;
    theme_->slide_height = slide_height_;
  }
  // reveal.js's has-dark-background / has-light-background on slides with
  // a background colour of their own, for the theme's rules for them.
  style::contrast_classes(doc_, deck_);
  // The code theme after the theme's rules, before the deck's own.
  if (code_blocks_ > 0 && !code_theme_add()) return false;
  // The deck's own CSS (style blocks, linked stylesheets) and --css files
  // after the theme's rules.
  style::DeckCssInput css{doc_, source_, r_.sources, deck_dir_, job_.css, std::move(themes)};
  std::string css_error;
  for (std::string& file : style::deck_css_add(*theme_, css, diags_, css_error)) {
    r_.files.push_back(std::move(file));
  }
  if (!css_error.empty()) return fail(exit_io, css_error, true);
  std::string size_text = !job_.size.empty() ? job_.size : deck_.meta.size;
  if (!size_text.empty() && !compose::page_size_parse(size_text, page_size_)) {
    return fail(exit_usage, "size '" + size_text + "' is not 16:9, 4:3 or WIDTHxHEIGHT", false);
  }
  return true;
}

// A theme name that layouts/ does not hold is a warning naming the ones it
// does, at the front matter's `theme:` line (or the --theme option), and
// white is used: a typo in a theme's name never loses the PDF. So is a
// theme file the front matter names that cannot be read (a --theme FILE
// that cannot be read stays an error).
bool Pipeline::theme_unknown_check(const std::string& name) {
  std::string layouts = job_.data_dir + "/layouts";
  std::error_code ec;
  bool is_path = style::theme_is_path(name);
  if (is_path && !job_.theme.empty()) return true;
  if (fs::is_regular_file(is_path ? name : layouts + "/" + name + ".css", ec)) return true;
  std::vector<std::string> known = style::theme_names(layouts);
  std::string near = nearest_name(name, known);
  std::string message = "theme '" + name + "' is not one deckpdf has" +
                        (near.empty() ? "" : "; did you mean " + near + "?") + " (" +
                        names_list(known) + "); using white";
  if (is_path) message = "theme '" + deck_.meta.theme + "' is not a file; using white";
  if (job_.theme.empty()) {
    // The `theme:` line of the front matter.
    Span span = front_.span;
    std::string_view text = source_.text().substr(0, front_.span.end);
    if (size_t at = text.find("\ntheme:", front_.span.begin); at != std::string_view::npos) {
      size_t end = text.find('\n', at + 1);
      span = {static_cast<uint32_t>(at + 1),
              static_cast<uint32_t>(end == std::string_view::npos ? text.size() : end)};
    }
    diags_.warning(span, "theme.unknown", message);
  } else {
    auto option = std::make_shared<const Source>("--theme", name);
    diags_.warning(option, {0, static_cast<uint32_t>(name.size())}, "theme.unknown", message);
  }
  return false;
}

// The code theme's rules after the theme's, only when code was highlighted:
// --code-theme, else the theme's own (a theme with `.hljs` rules chose its
// colours), else monokai, as reveal.js's decks link it.
bool Pipeline::code_theme_add() {
  std::string name = job_.code_theme;
  if (name == "none") return true;
  if (name.empty()) {
    for (const style::Rule& rule : theme_->rules) {
      for (const auto& part : rule.selector.parts) {
        if (std::find(part.classes.begin(), part.classes.end(), "hljs") != part.classes.end())
          return true;
      }
    }
    name = "monokai";
  }
  const bool file = name.find('/') != std::string::npos || name.ends_with(".css");
  if (file) r_.files.push_back(name);
  std::string error;
  auto code =
      style::theme_load(job_.data_dir + "/layouts", file ? name : "code-" + name, error, r_.diags);
  if (!code) return fail(exit_io, "code theme: " + error, true);
  uint32_t order = 0;
  for (const style::Rule& rule : theme_->rules) order = std::max(order, rule.order + 1);
  for (style::Rule& rule : code->rules) {
    rule.order += order;
    theme_->rules.push_back(std::move(rule));
  }
  return true;
}

bool Pipeline::fonts_load() {
  std::string font_error;
  if (!fonts_.load_dir(job_.data_dir + "/fonts", font_error)) {
    return fail(exit_io, font_error, false);
  }
  // The faces of the families the theme (with the deck's CSS) and inline
  // styles name, from fonts/FAMILY/ (League Gothic, Lato...).
  std::vector<std::string> families;
  for (const style::Rule& rule : theme_->rules) {
    for (const style::Declaration& d : rule.declarations) {
      if (d.property == "font-family") families.push_back(d.value);
    }
  }
  for (const dom::Node& n : doc_.nodes) {
    const std::string* inline_style = n.attr("style");
    if (!inline_style || inline_style->find("font-family") == std::string::npos) continue;
    for (const style::Declaration& d : style::parse_declarations(*inline_style)) {
      if (d.property == "font-family") families.push_back(d.value);
    }
  }
  fonts_.load_families(job_.data_dir + "/fonts", families);
  // The math face, only for decks with formulas (without it they show their source).
  if (formulas_ > 0) {
    std::string math_error;
    if (!fonts_.load_file(job_.data_dir + "/fonts/" + math::font_file, math_error)) {
      diags_.warning({}, "math.font", "the math font cannot be loaded: " + math_error);
    }
  }
  shaper_ = std::make_unique<text::Shaper>(fonts_);
  return true;
}

bool Pipeline::lay_out() {
  if (!job_.slides.empty()) {
    std::string range_error;
    if (!compose::slides_parse(job_.slides, deck_, options_.slides, range_error)) {
      return fail(exit_usage, range_error, true);
    }
  }
  style::Resolver resolver(*theme_, doc_, diags_);
  layout::Context ctx{doc_, resolver, *shaper_, diags_};
  ctx.deck_dir = deck_dir_;
  ctx.asset_root = job_.asset_root;
  ctx.page_aspect = page_size_.width / page_size_.height;
  ctx.center = deck_.meta.center;
  ctx.pictures = std::make_shared<image::Cache>();
  ctx.tagged = job_.tagged;
  lists_.resize(deck_.slides.size());
  bool want_numbers = job_.slide_numbers || slide_number_on(deck_.meta.slide_number) ||
                      slide_number_on(theme_var(*theme_, "--slide-number"));
  if (want_numbers) numbers_.resize(deck_.slides.size());
  std::vector<size_t> selected;
  for (size_t i = 0; i < deck_.slides.size(); ++i) {
    if (options_.slides.empty() ||
        std::binary_search(options_.slides.begin(), options_.slides.end(), i)) {
      selected.push_back(i);
    }
  }
  // Slides are laid out on every core (DECKPDF_LAYOUT_THREADS=N sets how
  // many threads, 1 none); the result, lists and diagnostics, is that of
  // laying them out one after the other (layout/parallel.h).
  auto lay_out_one = [&](layout::Context& c, size_t k) {
    size_t i = selected[k];
    lists_[i] = layout::layout_slide(c, deck_.slides[i], static_cast<int>(i + 1));
    if (want_numbers && !deck_.slides[i].uncounted) {
      numbers_[i] = layout::layout_slide_number(c, deck_.slides[i].label(), lists_[i].width,
                                                lists_[i].height);
    }
  };
  std::function<void(size_t)> progress;
  if (job_.on_progress) {
    progress = [&](size_t done) {
      if (done < selected.size()) job_.on_progress(done, deck_.slides.size());
    };
  }
  auto run = [&](unsigned threads) {
    layout::ParallelLayout work(ctx, selected.size(), threads, lay_out_one, progress);
    for (size_t k = 0; k < selected.size(); ++k) {
      work.take(k);
      if (job_.on_progress && (work.threads() == 1 || k + 1 == selected.size())) {
        job_.on_progress(selected[k] + 1, deck_.slides.size());
      }
    }
    return work.threads();
  };
  // Pictures past the decoded-pictures budget become placeholders; which
  // ones depends on the order they were decoded in, so a parallel run that
  // hit the budget is done again in one thread, in slide order, from the
  // diagnostics as they were before it.
  Diagnostics before = diags_;
  if (run(layout::ParallelLayout::threads_for(selected.size())) > 1 && ctx.pictures->overflowed()) {
    diags_ = before;
    ctx.pictures = std::make_shared<image::Cache>();
    run(1);
  }
  if (want_numbers) options_.numbers = &numbers_;
  if (diags_.has_errors()) return fail(exit_deck, "", true);
  return true;
}

void Pipeline::dump_layout() {
  layout::DumpOptions options;
  options.fonts = &fonts_;
  options.base_dir = deck_dir_;
  for (size_t i = 0; i < deck_.slides.size(); ++i) {
    if (!options_.slides.empty() &&
        !std::binary_search(options_.slides.begin(), options_.slides.end(), i)) {
      continue;
    }
    r_.dump += "slide " + std::to_string(i + 1) + " label " + deck_.slides[i].label() + "\n";
    r_.dump += layout::dump_list(lists_[i], options);
  }
  r_.exit_code = diags_.has_errors() ? exit_deck : exit_ok;
}

bool Pipeline::compose(Product product, compose::Handout& made) {
  switch (product) {
    case Product::Deck:
      made.pages = job_.mode == Mode::Builds
                       ? compose::compose_builds(deck_, lists_, page_size_, options_)
                       : compose::compose_slides(deck_, lists_, page_size_, options_);
      return true;
    case Product::Handout: return handout_compose(false, made);
    case Product::Notes: return handout_compose(true, made);
  }
  return false;
}

// The handout's layout (the notes use notes-right's margins, header and
// footer), its paper, then the notes laid out in the notes theme: the
// theme, the links in notes and the NotesLayout are made for the first
// handout and serve the next.
bool Pipeline::handout_compose(bool notes_only, compose::Handout& made) {
  std::string error;
  std::optional<compose::HandoutLayout> handout_layout = compose::handout_layout_load(
      job_.data_dir + "/layouts", notes_only || job_.handout.empty() ? "notes-right" : job_.handout,
      diags_, error);
  if (!handout_layout) return fail(exit_usage, error, true);
  if (!notes_theme_) {
    notes_theme_ = style::theme_load(job_.data_dir + "/layouts", "notes", error, r_.diags);
    if (!notes_theme_) return fail(exit_io, error, true);
  }
  compose::HandoutOptions ho;
  ho.paper = compose::paper_from_locale(std::getenv("LC_ALL"), std::getenv("LC_PAPER"),
                                        std::getenv("LANG"));
  if (!job_.paper.empty() && !compose::paper_parse(job_.paper, ho.paper)) {
    return fail(exit_usage, "--paper: '" + job_.paper + "' is not A4 or Letter", false);
  }
  ho.title = deck_.meta.title;
  ho.slides = options_.slides;
  ho.notes_only = notes_only;
  ho.numbers = options_.numbers;
  ho.ink_saving = job_.handout_colors != "as-is";
  if (!job_.notes_size.empty()) {
    std::string v = job_.notes_size;
    if (v.ends_with("pt")) v.resize(v.size() - 2);
    char* end = nullptr;
    ho.notes_size = std::strtof(v.c_str(), &end);
    if (v.empty() || *end != 0 || !(ho.notes_size >= 4 && ho.notes_size <= 72)) {
      return fail(exit_usage,
                  "--notes-size: '" + job_.notes_size + "' is not a size from 4pt to 72pt", false);
    }
  }
  if (!notes_) {
    // Bare URLs in notes are links (markdown-it's linkify, on for notes).
    for (const deck::Slide& slide : deck_.slides) markdown::linkify(doc_, slide.notes);
    notes_ =
        std::make_unique<layout::NotesLayout>(doc_, *notes_theme_, *shaper_, diags_, deck_dir_);
    notes_->notes_tagged(job_.tagged);
  }
  made = compose::compose_handout(deck_, lists_, *handout_layout, *notes_, ho);
  return true;
}

std::string Pipeline::pdfpc(const std::vector<compose::Page>& pages) const {
  return compose::pdfpc_json(deck_, doc_, pages);
}

bool Pipeline::render(const std::vector<compose::Page>& pages, Output& out) {
  pdf::DocInfo info;
  info.title = deck_.meta.title;
  info.author = deck_.meta.author;
  info.subject = deck_.meta.subject;
  info.keywords = deck_.meta.keywords;
  info.lang = deck_.meta.lang;  // checked where the front matter is read
  if (!job_.lang.empty()) {
    if (language_tag_well_formed(job_.lang)) {
      info.lang = job_.lang;
    } else {
      auto option = std::make_shared<const Source>("--lang", job_.lang);
      diags_.warning(option, {0, static_cast<uint32_t>(job_.lang.size())}, "cli.lang",
                     "--lang '" + job_.lang +
                         "' is not a BCP 47 language tag (en, en-US, de-CH, zh-Hant); " +
                         (info.lang.empty() ? "the PDF does not name its language"
                                            : "using the deck's, " + info.lang));
    }
  }
  // The deck's own date first: the talk's date, the same bytes wherever
  // and whenever it is exported; else the build's (reproducible builds).
  if (deck_.meta.date_seconds) {
    info.date = *deck_.meta.date_seconds;
  } else if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    info.date = std::strtoll(epoch, nullptr, 10);
  } else {
    info.date = static_cast<int64_t>(std::time(nullptr));
  }
  std::string pdf_error;
  pdf::RenderOptions options;
  options.image_dpi = job_.image_dpi;
  options.pdfa = job_.pdfa;
  options.tagged = job_.tagged;
  if (!pdf::pdf_render(pages, fonts_, info, out.pdf, pdf_error, options)) {
    return fail(exit_io, pdf_error, true);
  }
  out.pages = pages.size();
  return true;
}

}  // namespace deckpdf::cli

// style/deck_css — the deck's own stylesheets into the cascade (see
// deck_css.h).
#include "style/deck_css.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "source/files.h"
#include "source/strings.h"
#include "style/apply.h"
#include "style/css_import.h"
#include "style/reveal_vars.h"
#include "style/value.h"

namespace deckpdf::style {

namespace fs = std::filesystem;

namespace {

// Properties that change nothing on a printed page: no warning for them.
bool inert_property(const std::string& p) {
  static const char* prefixes[] = {"--",         "-webkit-",  "-moz-",   "-ms-",   "-o-",
                                   "transition", "animation", "scroll-", "outline"};
  for (const char* prefix : prefixes) {
    if (p.starts_with(prefix)) return true;
  }
  static const char* names[] = {"cursor",       "pointer-events", "user-select", "will-change",
                                "touch-action", "caret-color",    "resize"};
  return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return p == n; });
}

// What the deck's CSS says that deckpdf does not draw: each property once
// (`warned` is shared by every stylesheet of the deck), a value it cannot
// read at each place.
void check_drawn(const std::vector<Rule>& rules, std::vector<CssProblem>& problems,
                 std::set<std::string>& warned) {
  std::set<uint32_t> bad_values;  // by span: a selector list repeats its declarations
  for (const Rule& rule : rules) {
    for (const Declaration& d : rule.declarations) {
      ComputedStyle scratch;
      Applier ap{scratch, scratch, 16};
      bool ok = ap.apply(d);
      if ((ok && !ap.ignored) || inert_property(d.property)) continue;
      if (ap.known) {
        if (bad_values.insert(d.span.begin).second) {
          problems.push_back({d.span, "css.bad-value",
                              "'" + d.property + ": " + d.value +
                                  "' is not a value deckpdf reads; it is ignored"});
        }
      } else if (warned.insert(d.property).second) {
        problems.push_back({d.span, "css.not-drawn",
                            "deckpdf does not draw '" + d.property +
                                "'; it is ignored here and wherever the deck's CSS uses it"});
      }
    }
  }
}

bool is_remote(std::string_view href) {
  std::string lower = ascii_lower(trim(href));
  return lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//");
}

bool inside_svg(const dom::Document& doc, dom::NodeId id) {
  for (dom::NodeId p = doc[id].parent; p != dom::no_node; p = doc[p].parent) {
    if (doc[p].tag == "svg") return true;
  }
  return false;
}

// Where the text of a `style` element came from: pieces of it (one per
// line) and the global offsets they were found at in the deck or the file
// that holds them. Pug strips a block's indentation, so the text is found
// line by line.
class StylePlaces {
 public:
  StylePlaces(const DeckCssInput& in, dom::NodeId style) : fallback_(in.doc[style].span) {
    uint32_t at = 0;  // offset in the element's text
    for (dom::NodeId child : in.doc[style].children) {
      const dom::Node& n = in.doc[child];
      if (n.kind != dom::NodeKind::Text) continue;
      std::string_view source = text_of(in, n.span);
      size_t cursor = 0;
      size_t line_start = 0;
      while (line_start <= n.text.size()) {
        size_t line_end = n.text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = n.text.size();
        std::string_view line = std::string_view(n.text).substr(line_start, line_end - line_start);
        if (!line.empty()) {
          size_t found = source.find(line, cursor);
          if (found != std::string_view::npos) {
            pieces_.push_back(
                {at + static_cast<uint32_t>(line_start), base_ + static_cast<uint32_t>(found)});
            cursor = found + line.size();
          }
        }
        line_start = line_end + 1;
      }
      at += static_cast<uint32_t>(n.text.size());
    }
  }
  // A span in the element's text as a span in the deck's span space.
  Span map(Span s) const { return {map(s.begin), map(s.end)}; }

 private:
  // The text of global span `s` (in the deck or an included file); sets
  // base_ to the global offset of its first byte.
  std::string_view text_of(const DeckCssInput& in, Span s) {
    base_ = s.begin;
    uint32_t file_base = 0;
    if (const auto* file = in.sources.find(s.begin, file_base)) {
      std::string_view t = (*file)->text();
      uint32_t b = s.begin - file_base, e = std::max(s.begin, s.end) - file_base;
      return b <= t.size() ? t.substr(b, std::min<size_t>(e, t.size()) - b) : std::string_view();
    }
    std::string_view t = in.deck.text();
    if (s.begin > t.size()) return {};
    return t.substr(s.begin, std::min<size_t>(std::max(s.begin, s.end), t.size()) - s.begin);
  }
  uint32_t map(uint32_t offset) const {
    auto after = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                                  [](uint32_t o, const Piece& p) { return o < p.text; });
    if (after == pieces_.begin()) return fallback_.begin;
    --after;
    return after->global + (offset - after->text);
  }
  struct Piece {
    uint32_t text;    // offset in the element's text
    uint32_t global;  // where that offset is in the span space
  };
  std::vector<Piece> pieces_;
  Span fallback_;
  uint32_t base_ = 0;
};

// The stylesheet links of the deck, in document order: element and href.
template <class F>
void for_each_stylesheet_link(const dom::Document& doc, F&& f) {
  for (dom::NodeId id = 0; id < doc.nodes.size(); ++id) {
    const dom::Node& n = doc.nodes[id];
    if (n.kind != dom::NodeKind::Element || n.tag != "link" || !doc.attached(id)) continue;
    const std::string* rel = n.attr("rel");
    const std::string* href = n.attr("href");
    if (!rel || !href) continue;
    std::vector<std::string> rels = split_values(ascii_lower(*rel));
    if (std::find(rels.begin(), rels.end(), "stylesheet") != rels.end()) f(n, *href);
  }
}

// The theme named by a reveal.js theme's path, or "".
std::string theme_of(std::string_view href, const std::vector<std::string>& theme_names) {
  std::string path = ascii_lower(trim(href));
  path = path.substr(0, path.find_first_of("?#"));
  size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash < 6 || path.compare(slash - 6, 6, "/theme") != 0 ||
      !path.ends_with(".css")) {
    return "";
  }
  std::string name = path.substr(slash + 1, path.size() - slash - 5);
  if (name.ends_with(".min")) name.resize(name.size() - 4);
  bool known = std::find(theme_names.begin(), theme_names.end(), name) != theme_names.end();
  return known ? name : "";
}

// reveal.js's wrappers, `.reveal` and `.slides` (a `div` of those classes),
// which deckpdf's tree does not have: a deck's `.reveal .slides h2` means
// its `h2`. They are dropped from the left of a selector, its specificity
// kept; a selector that is only wrappers (`.reveal { font-size: 30px }`)
// styles the slides, as the one the theme's `section` rule stands for.
void strip_reveal_wrappers(Selector& sel) {
  auto wrapper = [](const Selector::Compound& c) {
    return (c.tag.empty() || c.tag == "div") && c.id.empty() && c.pseudos.empty() &&
           c.classes.size() == 1 && (c.classes[0] == "reveal" || c.classes[0] == "slides");
  };
  bool stripped = false;
  while (!sel.parts.empty() && wrapper(sel.parts.back())) {
    sel.parts.pop_back();
    stripped = true;
  }
  if (!stripped) return;
  if (sel.parts.empty()) {
    Selector::Compound slides;
    slides.tag = "section";
    sel.parts.push_back(slides);
    sel.specificity += 1;
  }
  sel.parts.back().child = false;  // its parent was a wrapper
}

// Whether a theme rule is one of reveal.js's has-dark/light-background
// rules, which reveal.js writes without `.reveal`.
bool contrast_rule(const Rule& r) {
  for (const Selector::Compound& c : r.selector.parts) {
    for (const std::string& cls : c.classes) {
      if (cls == "has-dark-background" || cls == "has-light-background") return true;
    }
  }
  return false;
}

}  // namespace

bool reveal_stylesheet(std::string_view href, const std::vector<std::string>& theme_names) {
  std::string path = ascii_lower(trim(href));
  path = path.substr(0, path.find_first_of("?#"));
  size_t slash = path.rfind('/');
  std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
  for (const char* own : {"reveal.css", "reveal.min.css", "reset.css"}) {
    if (file == own) return true;
  }
  return !theme_of(href, theme_names).empty();
}

std::string linked_theme(const dom::Document& doc, const std::vector<std::string>& theme_names) {
  std::string found, named;
  for_each_stylesheet_link(doc, [&](const dom::Node&, const std::string& href) {
    if (found.empty()) found = theme_of(href, theme_names);
    // A copy of a theme in the deck's own folder (`css/black.css`, as
    // reveal.js 3 decks kept it): the theme it is named after, under what
    // the file itself says (it is read as the deck's CSS when it is there).
    if (named.empty()) {
      std::string path = ascii_lower(trim(href));
      path = path.substr(0, path.find_first_of("?#"));
      std::string file =
          path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
      if (file.ends_with(".css") && !is_remote(href)) {
        std::string name = file.substr(0, file.size() - 4);
        if (name.ends_with(".min")) name.resize(name.size() - 4);
        if (std::find(theme_names.begin(), theme_names.end(), name) != theme_names.end()) {
          named = name;
        }
      }
    }
  });
  return found.empty() ? named : found;
}

std::vector<std::string> deck_css_add(Theme& theme, const DeckCssInput& in, Diagnostics& diags,
                                      std::string& error) {
  std::vector<std::string> files;
  std::set<std::string> warned;
  std::error_code ec;
  fs::path deck_root = fs::weakly_canonical(in.deck_dir, ec);
  CssImports how;
  how.root = deck_root;
  how.code_prefix = "css";
  how.check = [&](const std::vector<Rule>& rules, std::vector<CssProblem>& problems) {
    check_drawn(rules, problems, warned);
  };
  uint32_t order = 0;
  for (const Rule& r : theme.rules) order = std::max(order, r.order + 1);
  size_t theme_rules = theme.rules.size();
  std::vector<size_t> theme_like;  // rules standing for reveal.js variables the deck set
  auto take = [&](Theme&& sheet) {
    if (std::string vars = reveal_vars_css(sheet.vars, theme); !vars.empty()) {
      std::vector<CssProblem> ignored;
      uint32_t unused = 0;
      for (Rule& r : parse_rules(vars, nullptr, ignored, unused)) {
        r.order = order++;
        theme_like.push_back(theme.rules.size());
        theme.rules.push_back(std::move(r));
      }
    }
    for (Rule& r : sheet.rules) {
      strip_reveal_wrappers(r.selector);
      r.order = order++;
      theme.rules.push_back(std::move(r));
    }
  };
  auto style_block = [&](dom::NodeId id) {
    std::string text = in.doc.text_content(id);
    if (text.size() > *how.budget) {
      diags.warning(in.doc[id].span, "css.too-much",
                    "this style block takes the deck's CSS past 16 MB; it is ignored");
      return;
    }
    *how.budget -= text.size();
    Uncommented uncommented = strip_comments(text);
    std::vector<CssProblem> problems;
    Theme sheet =
        css_parse_imports(std::move(uncommented.text), deck_root, "style", how, 0, problems, diags);
    StylePlaces places(in, id);
    for (CssProblem& p : problems) {
      diags.warning(places.map(uncommented.origin(p.span)), std::move(p.code),
                    std::move(p.message));
    }
    take(std::move(sheet));
  };
  auto link = [&](const dom::Node& n, const std::string& href) {
    if (reveal_stylesheet(href, in.theme_names)) return;  // deckpdf's own equivalents
    if (is_remote(href)) {
      diags.warning(n.span, "css.remote",
                    "stylesheet '" + href +
                        "' is remote; deckpdf reads files inside the deck's folder only; it is "
                        "ignored");
      return;
    }
    std::optional<fs::path> path;
    // `style.css?v=2`: a cache-busting query names the same file.
    std::string local = href.substr(0, href.find_first_of("?#"));
    if (href.find(':') == std::string::npos) path = path_resolve_inside(deck_root, local);
    if (!path) {
      diags.warning(n.span, "css.link-refused",
                    "stylesheet '" + href +
                        "' is not a file inside the deck's folder; it is "
                        "ignored");
      return;
    }
    files.push_back(path->string());  // also when missing: creating it exports again (--watch)
    if (!fs::is_regular_file(*path, ec)) {
      diags.warning(
          n.span, "css.link-missing",
          "stylesheet '" + href + "' is not there (" + path->string() + "); it is ignored");
      return;
    }
    std::string read_error;
    std::optional<Theme> sheet = css_file_read(path->string(), href, how, 0, read_error, diags);
    if (!sheet) {
      diags.warning(n.span, "css.link-unreadable", read_error);
      return;
    }
    take(std::move(*sheet));
  };
  // Style blocks and links in document order.
  const dom::Document& doc = in.doc;
  for (dom::NodeId id = 0; id < doc.nodes.size(); ++id) {
    const dom::Node& n = doc.nodes[id];
    if (n.kind != dom::NodeKind::Element || !doc.attached(id)) continue;
    if (n.tag == "style" && !inside_svg(doc, id)) {  // (an SVG's style is the SVG's own)
      style_block(id);
    } else if (n.tag == "link") {
      const std::string* rel = n.attr("rel");
      const std::string* href = n.attr("href");
      if (!rel || !href) continue;
      std::vector<std::string> rels = split_values(ascii_lower(*rel));
      if (std::find(rels.begin(), rels.end(), "stylesheet") != rels.end()) link(n, *href);
    }
  }
  for (const std::string& file : in.css_files) {
    CssImports own = how;  // a --css file's imports stay in its own folder
    own.root = fs::weakly_canonical(fs::absolute(file, ec).parent_path(), ec);
    std::optional<Theme> sheet = css_file_read(file, file, own, 0, error, diags);
    if (!sheet) {
      error = "cannot read --css file '" + file + "'";
      return files;
    }
    files.push_back(file);
    take(std::move(*sheet));
  }
  // reveal.js's theme rules are `.reveal h2`, one class more than deckpdf's
  // `h2`: against the deck's rules they weigh as much as there. (Among
  // themselves nothing changes; a deck without CSS of its own is not
  // touched.)
  if (theme.rules.size() > theme_rules) {
    for (size_t k = 0; k < theme_rules; ++k) {
      if (!contrast_rule(theme.rules[k])) theme.rules[k].selector.specificity += 100;
    }
    for (size_t k : theme_like) theme.rules[k].selector.specificity += 100;
  }
  return files;
}

}  // namespace deckpdf::style

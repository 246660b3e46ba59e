// style — themes (a CSS subset, loaded from layouts/) and the cascade that
// gives every element its ComputedStyle.
//
// The cascade: the built-in element defaults (like a browser's UA sheet),
// then the theme's rules by specificity and order, then the element's own
// `style="..."`. Inherited properties flow from parent to child as in CSS.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dom/node.h"
#include "source/diagnostic.h"

namespace deckpdf::style {

struct Color {
  float r = 0, g = 0, b = 0, a = 1;  // 0..1
  bool operator==(const Color&) const = default;
};
std::optional<Color> parse_color(std::string_view value);
// A CSS gradient (`linear-gradient(...)`, `radial-gradient(...)`) drawn as
// one solid colour, the average of its colour stops: deckpdf's best effort,
// since slides draw gradients mostly as quiet backgrounds.
std::optional<Color> gradient_average(std::string_view value);

enum class Display { Block, Inline, InlineBlock, ListItem, None };
enum class TextAlign { Left, Center, Right, Justify };
enum class TextTransform { None, Uppercase, Lowercase, Capitalize };
enum class WhiteSpace { Normal, Pre, PreWrap, PreLine, NoWrap };
enum class ListStyle {
  None,
  Disc,
  Circle,
  Square,
  Decimal,
  LowerAlpha,
  UpperAlpha,
  LowerRoman,
  UpperRoman
};
enum class VerticalAlign { Baseline, Sub, Super };

struct Edges {
  float top = 0, right = 0, bottom = 0, left = 0;
  bool auto_left = false, auto_right = false;  // `margin: 0 auto`
  bool operator==(const Edges&) const = default;
};

// Every length is resolved to px.
struct ComputedStyle {
  Display display = Display::Inline;
  std::string font_family = "sans-serif";
  int font_weight = 400;
  bool italic = false;
  float font_size = 16;
  float line_height = 1.2f * 16;  // px
  Color color;
  TextAlign text_align = TextAlign::Left;
  TextTransform text_transform = TextTransform::None;
  WhiteSpace white_space = WhiteSpace::Normal;
  ListStyle list_style = ListStyle::Disc;
  VerticalAlign vertical_align = VerticalAlign::Baseline;
  bool underline = false;
  bool line_through = false;
  Edges margin;
  Edges padding;
  std::optional<Color> background;
  std::optional<float> width;      // px, content box
  std::optional<float> width_pct;  // of the containing block, when given in %
  std::optional<float> max_width;  // px
  std::optional<float> max_width_pct;
  std::optional<float> height;
  std::optional<float> max_height;
  std::optional<float> max_height_pct;
  float border_width = 0;
  Color border_color;
  float border_bottom_width = 0;  // border-bottom: rules under table rows, headings
  Color border_bottom_color;
  bool operator==(const ComputedStyle&) const = default;
};

struct Declaration {
  std::string property;
  std::string value;
  uint32_t line = 0;  // in the theme file, or offset in the deck for inline styles
};

// Parses `a: b; c: d` (an inline style or a rule body).
std::vector<Declaration> parse_declarations(std::string_view text);

struct Selector {
  // Compound selectors from the rightmost (the subject) leftwards; `child`
  // marks `>` between this compound and the next one to the left.
  struct Compound {
    std::string tag;  // "" or "*" = any
    std::string id;
    std::vector<std::string> classes;
    bool child = false;
  };
  std::vector<Compound> parts;
  int specificity = 0;
};

struct Rule {
  Selector selector;
  std::vector<Declaration> declarations;
  uint32_t order = 0;
};

// Whether `sel` matches element `id` (descendant and child combinators
// walk up its ancestors).
bool selector_matches(const Selector& sel, const dom::Document& doc, dom::NodeId id);

// Rules bucketed by what their subject (the rightmost compound) requires:
// its id, else its first class, else its tag, else nothing (universal).
// An element can match only the rules in the buckets of its own id, its
// classes, its tag and the universal one, so the cascade tests those
// instead of every rule of the theme.
class RuleIndex {
 public:
  explicit RuleIndex(const std::vector<Rule>& rules);
  // The positions in `rules` of the rules that may match `node`, ascending
  // (source order), each once; `out` is cleared first. Every rule that
  // matches `node` is among them.
  void candidates(const dom::Node& node, std::vector<uint32_t>& out) const;

 private:
  std::unordered_map<std::string, std::vector<uint32_t>> by_id_, by_class_, by_tag_;
  std::vector<uint32_t> universal_;
};

struct Theme {
  std::string name;
  std::string path;
  std::vector<Rule> rules;
  std::map<std::string, std::string> vars;  // `:root { --name: value }`

  float slide_width = 960;   // --slide-width, px
  float slide_height = 700;  // --slide-height, px
  float min_scale = 0.5f;    // --min-scale: how far an overfull slide may shrink
  // --code-overflow: a `pre` line wider than its box wraps ("wrap"), or the
  // block's font shrinks until its longest line fits, down to half
  // ("shrink", then wrapping what still does not fit).
  bool code_shrink = false;
  Color background{1, 1, 1, 1};

  // Parses a theme. `errors` gets "line: message" strings for what was
  // skipped; a theme always loads as far as it can be read.
  static Theme parse(std::string_view css, std::string name, std::vector<std::string>& errors);
};

// Loads `name_or_path` from a file path (if it names a file) or from
// `layouts_dir/NAME.css`.
std::optional<Theme> theme_load(const std::string& layouts_dir, const std::string& name_or_path,
                                std::string& error, std::vector<std::string>& warnings);

// Not for concurrent use (it keeps what it computed); a thread takes a
// copy, which shares the rule index and reports to the Diagnostics it is
// given.
class Resolver {
 public:
  Resolver(const Theme& theme, const dom::Document& doc, Diagnostics& diags);
  Resolver(const Resolver& other, Diagnostics& diags);
  Resolver(const Resolver& other) : Resolver(other, *other.diags_) {}
  Resolver& operator=(const Resolver&) = delete;
  // The style of element `id`, given its parent's computed style. For the
  // slide root pass the root style (`root_style()`).
  ComputedStyle compute(dom::NodeId id, const ComputedStyle& parent) const;
  ComputedStyle root_style() const;
  const Theme& theme() const { return theme_; }
  // The rules that apply to element `id`, in cascade order: the built-in
  // element defaults, then the theme's rules, each part by specificity and
  // then source order.
  std::vector<const Rule*> matched_rules(dom::NodeId id) const;
  // Where warnings about inline styles go from now on.
  void diagnostics(Diagnostics& diags) { diags_ = &diags; }

 private:
  const Theme& theme_;
  const dom::Document& doc_;
  Diagnostics* diags_;
  std::shared_ptr<const RuleIndex> index_;  // of theme_.rules
  // Styles computed from the same rules under a parent with the same
  // inherited values are the same: compute() keeps them by those (for
  // elements without a style attribute, whose warnings must be given
  // every time).
  mutable std::unordered_map<std::string, ComputedStyle> memo_;
  mutable std::string memo_key_;
  // compute()'s working space, kept between calls.
  void matched_into(dom::NodeId id, std::vector<const Rule*>& out) const;
  mutable std::vector<const Rule*> matched_;
  mutable std::vector<uint32_t> candidates_;
};

}  // namespace deckpdf::style

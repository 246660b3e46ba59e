// style/theme — a theme: its rules and `:root` variables, the page settings
// read from them, and loading it from layouts/ or a file with its @imports.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.h"
#include "style/color.h"
#include "style/css.h"
#include "style/paint.h"

namespace deckpdf::style {

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
  // --background-gradient: what reveal.js's theme draws over the whole page
  // (league, beige, sky: a radial gradient), under slides without a
  // background of their own.
  std::optional<CssGradient> background_gradient;

  // Parses a theme. `problems` gets what was skipped, with spans in `css`;
  // a theme always loads as far as it can be read.
  static Theme parse(std::string_view css, std::string name, std::vector<CssProblem>& problems);
};

// Loads `name_or_path` from a file path (if it names a file) or from
// `layouts_dir/NAME.css`. `error` says why it could not be read; what this
// file and its imports skip goes to `diags` as warnings, each pointing into
// its own theme file.
// The themes `layouts_dir` holds by name ("beige", "black"...), sorted:
// its .css files but the notes style and the base the themes import.
std::vector<std::string> theme_names(const std::string& layouts_dir);
// Whether `name_or_path` names a file rather than a theme of layouts/.
bool theme_is_path(std::string_view name_or_path);

std::optional<Theme> theme_load(const std::string& layouts_dir, const std::string& name_or_path,
                                std::string& error, Diagnostics& diags);

}  // namespace deckpdf::style

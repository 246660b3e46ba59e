// cli/names — the names the command line accepts besides files: themes and
// handout layouts (what layouts/ holds), the aliases of layouts, and the
// messages for a name it does not know (the known ones, the nearest).
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace deckpdf::cli {

// What layouts/ holds, by name, sorted.
struct Names {
  std::vector<std::string> themes;   // NAME.css, less the notes style, base and code colours
  std::vector<std::string> layouts;  // NAME.handout
};
Names names_find(const std::string& layouts_dir);

// "3-up" -> "three-up" (the layout's name says it in words); other names
// unchanged.
std::string layout_alias(const std::string& name);

// Whether a --handout value is a file rather than a name: it holds a '/' or
// ends in ".handout" (compose::handout_layout_load reads it so).
bool layout_is_path(const std::string& value);

// Whether `word` names a layout of `names` (or an alias of one).
bool layout_known(const Names& names, const std::string& word);

// "unknown handout layout 'thre-up'; did you mean three-up? The layouts: ...".
std::string layout_unknown_message(const Names& names, const std::string& value);

// The command line before CLI11 reads it: a bare --handout gets its default
// (notes-right), or takes the layout name after it (`--handout 4-up`). A
// name after it that is also a file here is an error asking which was meant;
// returns false with `error` set then.
bool handout_args_prepare(std::vector<std::string>& args, const Names& names, std::string& error);

// The first of `inputs` named like a handout layout ("4-up"), an error
// asking which was meant; "" when none is.
std::string inputs_named_like_layouts(const std::vector<std::string>& inputs, const Names& names);

// "unknown option '--thme'; did you mean --theme?" and the options of `app`.
std::string option_unknown_message(const CLI::App& app, const std::string& arg);

}  // namespace deckpdf::cli

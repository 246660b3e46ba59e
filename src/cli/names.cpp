// cli/names — themes and handout layouts by name, their aliases, and the
// messages for names deckpdf does not know (see names.h).
#include "cli/names.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>

#include "source/nearest.h"
#include "style/theme.h"

namespace deckpdf::cli {

namespace fs = std::filesystem;

Names names_find(const std::string& layouts_dir) {
  Names n;
  n.themes = style::theme_names(layouts_dir);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(layouts_dir, ec)) {
    if (entry.path().extension() == ".handout") n.layouts.push_back(entry.path().stem().string());
  }
  std::sort(n.layouts.begin(), n.layouts.end());
  return n;
}

std::string layout_alias(const std::string& name) {
  return name == "3-up" ? "three-up" : name;
}

bool layout_is_path(const std::string& value) {
  return value.find('/') != std::string::npos ||
         (value.size() > 8 && value.compare(value.size() - 8, 8, ".handout") == 0);
}

bool layout_known(const Names& names, const std::string& word) {
  std::string name = layout_alias(word);
  return std::find(names.layouts.begin(), names.layouts.end(), name) != names.layouts.end();
}

std::string layout_unknown_message(const Names& names, const std::string& value) {
  std::vector<std::string> known = names.layouts;
  known.push_back("3-up");
  std::string near = nearest_name(value, known);
  std::string message = "unknown handout layout '" + value + "'";
  if (!near.empty()) message += "; did you mean " + layout_alias(near) + "?";
  return message + "\nThe layouts: " + names_list(names.layouts) +
         " (3-up is three-up), or a .handout file of your own.";
}

bool handout_args_prepare(std::vector<std::string>& args, const Names& names, std::string& error) {
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--") break;  // the rest are inputs
    if (args[i] != "--handout") continue;
    const std::string next = i + 1 < args.size() ? args[i + 1] : std::string();
    bool name = layout_known(names, next);
    if (!name && !(layout_is_path(next) && next.ends_with(".handout"))) {
      args[i] = "--handout=notes-right";  // bare: the default; what follows is not its value
      continue;
    }
    std::error_code ec;
    if (name && fs::exists(next, ec)) {
      error = "'" + next + "' after --handout is both a handout layout and a file here: write " +
              "--handout=" + next + " for the layout, or --handout ./" + next +
              " to export that file with the default layout";
      return false;
    }
    args[i] = "--handout=" + next;
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  return true;
}

std::string inputs_named_like_layouts(const std::vector<std::string>& inputs, const Names& names) {
  for (const std::string& in : inputs) {
    if (!layout_known(names, in)) continue;
    return "input '" + in + "' is named like the handout layout " + layout_alias(in) +
           ": did you mean --handout=" + in + "? (a deck file of that name: write ./" + in + ")";
  }
  return "";
}

std::string option_unknown_message(const CLI::App& app, const std::string& arg) {
  std::string option = arg.substr(0, arg.find('='));
  std::vector<std::string> known, shown;  // every name; one entry per option ("-o/--output")
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty() || opt->get_positional()) continue;  // hidden, INPUT
    std::string entry;
    for (const std::string& s : opt->get_snames()) known.push_back("-" + s);
    for (const std::string& l : opt->get_lnames()) known.push_back("--" + l);
    for (size_t i = known.size() - opt->get_snames().size() - opt->get_lnames().size();
         i < known.size(); ++i) {
      entry += (entry.empty() ? "" : "/") + known[i];
    }
    shown.push_back(entry);
  }
  std::string near = nearest_name(option, known);
  std::string message = "unknown option '" + option + "'";
  if (!near.empty()) message += "; did you mean " + near + "?";
  return message + "\nThe options: " + names_list(shown) + ".";
}

}  // namespace deckpdf::cli

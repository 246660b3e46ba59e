// style/css_import — a CSS file read with the files it @imports, for a
// theme (layouts/ or the user's file) and for the deck's own stylesheets
// (`style` blocks, `link`ed files, --css): the imported rules first, each
// file's mistakes reported in that file.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "source/diagnostic.h"
#include "style/css.h"
#include "style/theme.h"

namespace deckpdf::style {

// Where imports may come from, and what else to say about each file.
struct CssImports {
  // Themes: an import is looked up beside the importing file or, by bare
  // name, in layouts/, and may not leave those folders.
  std::string layouts_dir;
  // The deck's CSS: every import must lie inside this folder (canonical),
  // and layouts/ is not searched.
  std::optional<std::filesystem::path> root;
  std::string code_prefix = "theme";  // of the diagnostics: "theme." or "css."
  // Called with each file's own rules (spans in the text parsed) to add
  // problems of its own (the deck's CSS: properties deckpdf does not draw).
  std::function<void(const std::vector<Rule>&, std::vector<CssProblem>&)> check;
  // Bytes every file read (imports included) may still take together; a
  // deck's CSS that imports one file a thousand times stops there. Shared
  // by the copies of this struct.
  std::shared_ptr<size_t> budget = std::make_shared<size_t>(size_t{16} << 20);
};

// `css` (comments stripped, line breaks kept) of a file in folder `here`:
// its @import lines read (at most 4 deep) and blanked, then its own rules
// parsed after the imported ones. `problems` gets what `css` itself says
// wrong, with spans in it; imported files report in their own files.
Theme css_parse_imports(std::string css, const std::filesystem::path& here, const std::string& name,
                        const CssImports& how, int depth, std::vector<CssProblem>& problems,
                        Diagnostics& diags);

// A CSS file and what it imports; its problems go to `diags` as warnings
// in the file. `error` says why it could not be read.
std::optional<Theme> css_file_read(const std::string& path, const std::string& name,
                                   const CssImports& how, int depth, std::string& error,
                                   Diagnostics& diags);

}  // namespace deckpdf::style

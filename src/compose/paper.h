// compose/paper — the paper a handout is printed on: A4 or Letter, named
// by --paper or taken from the locale as glibc's LC_PAPER does.
#pragma once

#include <string>
#include <string_view>

namespace deckpdf::compose {

// A paper size, portrait, in pt.
struct Paper {
  std::string name = "A4";
  float width = 595.276f, height = 841.890f;
};

// "a4" or "letter" (any case). Returns false for anything else.
bool paper_parse(std::string_view text, Paper& out);

// The paper the locale prints on, as glibc's LC_PAPER does: Letter in the
// US, Canada, Mexico, Chile, Colombia, Costa Rica, Guatemala, Panama, the
// Philippines, Puerto Rico, El Salvador, Venezuela, Nicaragua and the
// Dominican Republic; A4 elsewhere. The locale is the first non-empty of
// LC_ALL, LC_PAPER and LANG ("en_US.UTF-8"); none or "C" give A4.
Paper paper_from_locale(const char* lc_all, const char* lc_paper, const char* lang);

}  // namespace deckpdf::compose

// compose/paper — paper sizes by name and by locale (see paper.h).
#include "compose/paper.h"

#include "source/strings.h"

namespace deckpdf::compose {

bool paper_parse(std::string_view text, Paper& out) {
  std::string t = ascii_lower(trim(text));
  if (t == "a4") {
    out = Paper{"A4", 595.276f, 841.890f};
    return true;
  }
  if (t == "letter") {
    out = Paper{"Letter", 612, 792};
    return true;
  }
  return false;
}

Paper paper_from_locale(const char* lc_all, const char* lc_paper, const char* lang) {
  const char* locale = nullptr;
  for (const char* v : {lc_all, lc_paper, lang}) {
    if (v && *v) {
      locale = v;
      break;
    }
  }
  Paper a4;
  if (!locale) return a4;
  // language_TERRITORY.codeset@modifier
  std::string_view l(locale);
  size_t us = l.find('_');
  if (us == std::string_view::npos) return a4;
  std::string_view territory = l.substr(us + 1);
  size_t end = territory.find_first_of(".@");
  if (end != std::string_view::npos) territory = territory.substr(0, end);
  static constexpr std::string_view letter[] = {"US", "CA", "MX", "CL", "CO", "CR", "GT",
                                                "PA", "PH", "PR", "SV", "VE", "NI", "DO"};
  for (std::string_view t : letter) {
    if (territory == t) return Paper{"Letter", 612, 792};
  }
  return a4;
}

}  // namespace deckpdf::compose

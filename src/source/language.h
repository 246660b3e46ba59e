// source/language — BCP 47 language tags (RFC 5646) as a deck names its
// language (front matter `lang:`, `--lang`): the PDF's /Lang and XMP
// dc:language take only a well-formed tag, so one that is not is warned
// about where it was written and left out.
#pragma once

#include <string_view>

namespace deckpdf {

// Whether `tag` is well-formed by RFC 5646's syntax (section 2.1): a
// language (2-3 letters, or 4-8), an optional script (4 letters), region
// (2 letters or 3 digits), variants, extensions (a singleton and its
// subtags) and private use (x-...); or a private-use tag alone, or one of
// the registered irregular (grandfathered) tags. Case is not checked
// (en-us is well-formed); whether a subtag is registered is not either.
bool language_tag_well_formed(std::string_view tag);

}  // namespace deckpdf

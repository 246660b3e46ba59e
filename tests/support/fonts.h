// The bundled fonts, loaded once for the tests that shape or lay out text.
#pragma once

#include "text/font_set.h"

namespace deckpdf::test {

text::FontSet& bundled_fonts();

}  // namespace deckpdf::test

// style/contrast — reveal.js's light/dark slide classes: a slide whose
// background colour is dark gets `has-dark-background`, a light one
// `has-light-background`, so that the themes' rules for them (light text on
// a dark slide) apply as ordinary CSS.
#pragma once

#include <optional>
#include <string>

#include "deck/deck.h"
#include "dom/node.h"
#include "style/color.h"

namespace deckpdf::style {

// The colour reveal.js's getContrastClass (js/controllers/backgrounds.js)
// reads for a slide: its data-background-color, else the colour of its
// data-background when that is not a picture. A gradient or a picture
// alone gives none, as its background element's colour stays transparent,
// and so does a fully transparent colour.
std::optional<Color> contrast_color(const dom::Node& section);

// Adds the class to every slide and stack `section` with such a colour:
// brightness below 128 (reveal.js's colorBrightness) is dark. Slides
// without a background of their own are left as they are, as reveal.js
// leaves them.
void contrast_classes(dom::Document& doc, const deck::Deck& deck);

}  // namespace deckpdf::style

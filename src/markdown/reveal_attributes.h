// markdown/reveal_attributes — reveal.js's markdown plugin's attribute
// comments (reveal.js 6.0.2, plugin.js addAttributes/addAttributeInElement):
// `<!-- .element: class="fragment" -->` sets attributes on the element the
// comment follows, `<!-- .slide: data-background-color="#222" -->` on the
// slide, both found by regular expressions the deck may replace
// (`data-element-attributes`, `data-attributes`).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "dom/node.h"

namespace deckpdf::markdown {

// reveal.js 6.0.2's DEFAULT_ELEMENT_ATTRIBUTES_SEPARATOR and
// DEFAULT_SLIDE_ATTRIBUTES_SEPARATOR.
inline constexpr const char* default_element_attributes = "\\.element\\s*?(.+?)$";
inline constexpr const char* default_slide_attributes = "\\.slide:\\s*?(\\S.+?)$";

// Whether a blank line comes right before the source offset `at` in the
// slide's Markdown (marked keeps it as a text node before a block-level
// comment; md4c does not).
using BlankBefore = std::function<bool(uint32_t at)>;

// addAttributes over the slide `section` after its Markdown was rendered.
// Returns the number of comments that set attributes.
size_t attribute_comments(dom::Document& doc, dom::NodeId section, const std::string& element_re,
                          const std::string& slide_re, const BlankBefore& blank_before);

}  // namespace deckpdf::markdown

// image/exif — the orientation tag of an EXIF block (internal to image/).
#pragma once

#include <string_view>

namespace deckpdf::image {

// The Orientation (tag 0x0112) of IFD0 in an APP1 "Exif\0\0" payload,
// 1-8; 1 when absent or unreadable. Every offset is checked.
int exif_orientation(std::string_view app1);

}  // namespace deckpdf::image

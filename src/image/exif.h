// image/exif — the orientation tag of an EXIF block (internal to image/):
// JPEG's APP1, PNG's eXIf, WebP's EXIF.
#pragma once

#include <string_view>

namespace deckpdf::image {

// The Orientation (tag 0x0112) of IFD0 in an APP1 "Exif\0\0" payload,
// 1-8; 1 when absent or unreadable. Every offset is checked.
int exif_orientation(std::string_view app1);

// The same from a bare TIFF block ("II" or "MM" first), as PNG's eXIf
// chunk holds it; WebP's EXIF chunk holds either form, which this takes.
int tiff_orientation(std::string_view tiff);

}  // namespace deckpdf::image

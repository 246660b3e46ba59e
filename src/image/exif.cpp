// image/exif — reads one tag of an EXIF block: its orientation.
#include "image/exif.h"

#include <cstdint>

namespace deckpdf::image {

int exif_orientation(std::string_view app1) {
  if (app1.size() < 14 || app1.substr(0, 6) != std::string_view("Exif\0\0", 6)) return 1;
  return tiff_orientation(app1.substr(6));
}

int tiff_orientation(std::string_view tiff) {
  if (tiff.size() >= 6 && tiff.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
    tiff.remove_prefix(6);
  }
  if (tiff.size() < 8) return 1;
  bool little = tiff.substr(0, 2) == "II";
  if (!little && tiff.substr(0, 2) != "MM") return 1;
  auto u16 = [&](size_t at) -> uint32_t {
    auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(tiff[k])); };
    return little ? b(at) | b(at + 1) << 8 : b(at) << 8 | b(at + 1);
  };
  auto u32 = [&](size_t at) -> uint32_t {
    return little ? u16(at) | u16(at + 2) << 16 : u16(at) << 16 | u16(at + 2);
  };
  if (u16(2) != 42) return 1;
  size_t ifd = u32(4);
  if (ifd > tiff.size() || tiff.size() - ifd < 2) return 1;
  size_t count = u16(ifd);
  for (size_t i = 0; i < count; ++i) {
    size_t entry = ifd + 2 + 12 * i;
    if (entry > tiff.size() || tiff.size() - entry < 12) return 1;
    if (u16(entry) != 0x0112) continue;
    if (u16(entry + 2) != 3) return 1;  // SHORT
    uint32_t v = u16(entry + 8);
    return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
  }
  return 1;
}

}  // namespace deckpdf::image

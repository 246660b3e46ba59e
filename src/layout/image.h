// layout/image — finding and checking the pictures a deck shows.
//
// A deck is untrusted: an image path may only name a file inside the deck's
// folder (or inside the --asset-root folder, for site-absolute paths like
// /content/images/x.png). Remote URLs are never fetched. A file is probed
// (PNG or JPEG signature and size) before anything decodes it, and refused
// past the pixel limit.
#pragma once

#include <cstdint>
#include <string>

namespace deckpdf::layout {

struct ImageLimits {
  uint64_t max_pixels = 50'000'000;  // width x height
  uint32_t max_side = 20'000;        // px
  uint64_t max_bytes = 64u << 20;    // file size
};

struct ImageInfo {
  bool ok = false;
  std::string path;    // resolved path, when ok
  uint32_t width = 0;  // px
  uint32_t height = 0;
  bool jpeg = false;    // else PNG
  std::string problem;  // why not ok, for a warning: "is a remote URL", ...
};

// Resolves `src` (as written in the deck) against the deck's folder and
// probes the file.
ImageInfo image_find(const std::string& src, const std::string& deck_dir,
                     const std::string& asset_root, const ImageLimits& limits = {});

}  // namespace deckpdf::layout

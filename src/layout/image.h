// layout/image — finding the pictures a deck shows and having them decoded.
//
// A deck is untrusted: an image path may only name a file inside the deck's
// folder (or inside the --asset-root folder, for site-absolute paths like
// /content/images/x.png), or be a data: URI. Remote URLs are never fetched.
// The picture is decoded (image/) when it is found, so that a broken file
// is a warning at its `img` and a placeholder, not a failure later.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "image/cache.h"
#include "image/image.h"

namespace deckpdf::layout {

struct ImageInfo {
  bool ok = false;
  std::string path;  // resolved path (or "data:image/png..." for a data: URI), when found
  std::shared_ptr<const image::Picture> picture;  // when ok
  uint32_t width = 0;                             // px, as shown (after the EXIF orientation)
  uint32_t height = 0;
  std::string problem;  // why not ok, for a warning: "is a remote URL", ...
};

// Resolves `src` (as written in the deck) against the deck's folder
// without reading it: `path` set and ok when it names a file there.
ImageInfo image_resolve(const std::string& src, const std::string& deck_dir,
                        const std::string& asset_root);

// Resolves `src` and decodes the picture, through `cache` when given (once
// per export), else on its own.
ImageInfo image_find(const std::string& src, const std::string& deck_dir,
                     const std::string& asset_root, image::Cache* cache = nullptr);

}  // namespace deckpdf::layout

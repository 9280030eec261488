// `etalase-pack check-media`: decodes one file completely, run by the validator as a child process
// so a decoder crash or hang cannot take the validator with it.
#pragma once

#include <string>

#include "media/error.h"

namespace etalase::pack {

struct MediaCheck {
  bool video = true;        // false: a picture (photo, logo)
  int maxImageWidth = 8000;  // larger pictures are refused before they are decoded
  int maxImageHeight = 8000;
};

// Every video and audio frame of a video, or the picture of an image; the error says what failed.
Result<bool> checkMediaFile(const std::string& file, const MediaCheck& check);

// The subcommand: exit status 0 when the file decodes, else 1 with one line on standard error.
int runCheckMedia(const std::string& file, const MediaCheck& check);

}  // namespace etalase::pack

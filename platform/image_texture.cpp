// Picture upload.
#include "image_texture.h"

#include "media/log.h"

namespace etalase::platform {

TexturePtr textureFromRgba(SDL_Renderer* renderer, const AVFrame* rgba) {
  if (!rgba || rgba->format != AV_PIX_FMT_RGBA) return nullptr;
  // AV_PIX_FMT_RGBA is bytes R,G,B,A: SDL calls that ABGR8888 on little-endian machines.
  TexturePtr texture(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC,
                                       rgba->width, rgba->height));
  if (!texture) {
    log::warn("cannot create a {}x{} picture texture: {}", rgba->width, rgba->height, SDL_GetError());
    return nullptr;
  }
  SDL_UpdateTexture(texture.get(), nullptr, rgba->data[0], rgba->linesize[0]);
  SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
  return texture;
}

}  // namespace etalase::platform

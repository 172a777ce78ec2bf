import type { SandboxUser } from '../directory.js';
import { encodePng, type Rgb } from './png.js';

/**
 * User principal names of the sandbox users who have a profile photo. The others have none, so
 * clients meet Graph's 404 for a missing photo.
 */
const usersWithPhotos = new Set(['adele.vance@contoso.com', 'alex.wilber@contoso.com', 'diego.siciliani@fabrikam.com', 'lee.gu@fabrikam.com']);

/** Size of the emulated profile photos, in pixels. Graph's default `$value` is larger; clients scale it. */
const photoSize = 96;

export function hasPhoto(user: SandboxUser): boolean {
  return usersWithPhotos.has(user.userPrincipalName);
}

/** Draws a user's photo: a circle in a colour derived from the user id, on a lighter background. */
export function userPhoto(user: SandboxUser): Buffer {
  const hue = [...user.id].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) % 360, 0);
  const foreground = hslToRgb(hue, 0.55, 0.45);
  const background = hslToRgb(hue, 0.45, 0.85);
  const centre = photoSize / 2;
  return encodePng(photoSize, photoSize, (x, y) => {
    const head = (x - centre) ** 2 + (y - centre * 0.8) ** 2 < (photoSize * 0.22) ** 2;
    const shoulders = y > photoSize * 0.62 && (x - centre) ** 2 + (y - photoSize) ** 2 < (photoSize * 0.42) ** 2;
    return head || shoulders ? foreground : background;
  });
}

/** Draws a small bar chart, the seed's inline image. */
export function barChart(width: number, height: number): Buffer {
  const bars = [0.45, 0.8, 0.6, 0.95, 0.7];
  const barWidth = width / bars.length;
  return encodePng(width, height, (x, y) => {
    const bar = Math.floor(x / barWidth);
    const inBar = x % barWidth > barWidth * 0.15 && x % barWidth < barWidth * 0.85;
    const top = height * (1 - bars[bar]!);
    if (inBar && y >= top) return bar % 2 === 0 ? [79, 82, 178] : [0, 120, 212];
    return y % 20 === 0 ? [225, 225, 225] : [250, 250, 250];
  });
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const segment = hue / 60;
  const second = chroma * (1 - Math.abs((segment % 2) - 1));
  const [red, green, blue] =
    segment < 1 ? [chroma, second, 0] : segment < 2 ? [second, chroma, 0] : segment < 3 ? [0, chroma, second] : segment < 4 ? [0, second, chroma] : segment < 5 ? [second, 0, chroma] : [chroma, 0, second];
  const match = lightness - chroma / 2;
  return [Math.round((red + match) * 255), Math.round((green + match) * 255), Math.round((blue + match) * 255)];
}

package dev.ltx2.orchestrator.dataset;

/** ai-toolkit's bucket for a frame size ({@code toolkit/buckets.py:get_bucket_for_image_size}), ported exactly. */
public final class Buckets {
    private Buckets() {}

    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    public static Size bucket(int width, int height, long resolution, long divisibility) {
        double totalPixels = (double) width * height;
        double maxPixels = (double) resolution * resolution;
        double targetPixels = Math.min(totalPixels, maxPixels);
        double scaler = Math.sqrt(targetPixels / totalPixels);
        double wRaw = width * scaler / divisibility;
        double hRaw = height * scaler / divisibility;
        long[][] candidates = {
            {(long) Math.floor(wRaw) * divisibility, (long) Math.floor(hRaw) * divisibility},
            {(long) Math.floor(wRaw) * divisibility, (long) Math.ceil(hRaw) * divisibility},
            {(long) Math.ceil(wRaw) * divisibility, (long) Math.floor(hRaw) * divisibility},
            {(long) Math.ceil(wRaw) * divisibility, (long) Math.ceil(hRaw) * divisibility},
        };
        long[] best = null;
        double bestDiff = Double.MAX_VALUE;
        for (long[] c : candidates) {
            if (c[0] > 0 && c[1] > 0 && c[0] * c[1] <= maxPixels) {
                double diff = Math.abs((double) c[0] * c[1] - targetPixels);
                if (diff < bestDiff) {
                    best = c;
                    bestDiff = diff;
                }
            }
        }
        if (best == null) {
            best = new long[] {Math.max(divisibility, (long) Math.floor(wRaw) * divisibility),
                Math.max(divisibility, (long) Math.floor(hRaw) * divisibility)};
        }
        return new Size((int) best[0], (int) best[1]);
    }
}

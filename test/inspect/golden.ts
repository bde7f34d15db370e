/** The format's golden test vectors (test/fixtures), fetched before any network guard goes up. */
export interface GoldenVector {
  file: File;
  password: string;
  plaintext: unknown;
}

/** Loads vector `index` of test/fixtures/golden-v1.json with its file. */
export async function loadGoldenVector(index = 0): Promise<GoldenVector> {
  const meta = (await (await fetch('/test/fixtures/golden-v1.json')).json()) as {
    vectors: { file: string; password: string; plaintext?: string; plaintextFile?: string }[];
  };
  const v = meta.vectors[index];
  if (!v) throw new Error(`no golden vector ${index}`);
  const bytes = await (await fetch(`/test/fixtures/${v.file}`)).blob();
  const text = v.plaintextFile ? await (await fetch(`/test/fixtures/${v.plaintextFile}`)).text() : v.plaintext!;
  return { file: new File([bytes], v.file), password: v.password, plaintext: JSON.parse(text) };
}

// The package ships types but its "exports" map hides them from NodeNext resolution.
declare module "sastrawijs" {
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
  }
}

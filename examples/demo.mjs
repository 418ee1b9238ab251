// The end-to-end demo on the bundled sample portfolio (filled in by each package).
import { isPmokitError } from "@pmokit/core";

console.log("pmokit demo", typeof isPmokitError);

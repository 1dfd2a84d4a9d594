window.playbookSearchIndex = [
{"u":"case/01-intro.html","b":"A Client Case","c":"Introduction","h":"Introduction","t":"The reports of this project are in build/reports/."}
];

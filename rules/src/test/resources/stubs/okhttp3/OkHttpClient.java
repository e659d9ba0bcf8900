package okhttp3;

public class OkHttpClient { }
